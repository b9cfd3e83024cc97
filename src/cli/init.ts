/**
 * `slapage init [--company NAME] [--product NAME] [--url URL] [--security-contact EMAIL] [--example] [--project DIR]`:
 * starts a project in an empty or existing folder, never overwriting a file. Unknown values are TODO placeholders,
 * which `slapage validate` lists with their locations until they are filled in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setScalars } from '../load/draft.ts';
import { today } from '../validate/validate.ts';
import { compareVersions, isVersion } from '../model/version.ts';
import { parse } from './args.ts';

export const usage = `usage: slapage init [--company NAME] [--product NAME] [--url URL] [--security-contact EMAIL] [--example] [--project DIR]

Writes slapage.config.yaml, policy/1.0/ with every file, .gitignore, README.md and three GitHub workflows
(pull-request review, publishing to GitHub Pages, the uptime probe every 5 minutes) into the project folder (default: the current folder).
Existing files are never overwritten. Values not given are TODO placeholders: run \`slapage validate\` to list them.
--example starts from the example vendor's policy instead of placeholders.
Exit status: 0 written, 2 usage error.`;

/** The package root: the templates sit beside src/ (in the repository) and lib/ (once packed). */
const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATES = join(PACKAGE, 'templates');

export function main(args: readonly string[]): number {
  const { values } = parse({
    args: [...args],
    options: {
      project: { type: 'string' },
      company: { type: 'string' },
      product: { type: 'string' },
      url: { type: 'string' },
      'security-contact': { type: 'string' },
      example: { type: 'boolean' },
    },
  });
  const root = resolve(values.project ?? '.');
  const date = today();
  const quoted = (value: string | undefined, todo: string) => JSON.stringify(value ?? `TODO: ${todo}`);
  const fields: Record<string, string> = {
    today: date,
    effective: date,
    company: quoted(values.company, 'the legal name of the company that makes these commitments'),
    product: quoted(values.product, 'the product name as customers know it'),
    url: quoted(values.url, 'the https address where this page will be published'),
    security: quoted(values['security-contact'], 'the email address for security reports'),
  };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => fields[key] ?? `{{${key}}}`);

  const written: string[] = [];
  const kept: string[] = [];
  const write = (path: string, text: string) => {
    const target = join(root, path);
    if (existsSync(target)) {
      kept.push(path);
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(path);
  };

  const project = join(TEMPLATES, 'project');
  for (const path of files(project)) {
    if (path.startsWith('policy/')) continue;
    // npm leaves files named .gitignore out of packages, so the template has no dot.
    write(path === 'gitignore' ? '.gitignore' : path, fill(readFileSync(join(project, path), 'utf8')));
  }
  const policy = join(root, 'policy');
  const hasVersions = existsSync(policy) && readdirSync(policy).some(isVersion);
  if (hasVersions) {
    kept.push('policy/ (already has versions)');
  } else if (values.example) {
    const source = exampleVersion();
    for (const name of readdirSync(source).sort()) {
      let text = readFileSync(join(source, name), 'utf8').replace(/(# yaml-language-server: \$schema=)\S*\/schema\//, '$1../../node_modules/slapage/schema/');
      if (name === 'meta.yaml') text = setScalars(text, { version: '1.0', updated: date, effective: date });
      write(`policy/1.0/${name}`, text);
    }
  } else {
    for (const path of files(join(project, 'policy'))) write(`policy/${path}`, fill(readFileSync(join(project, 'policy', path), 'utf8')));
  }

  const shown = relative(process.cwd(), root) || '.';
  for (const path of written) process.stdout.write(`  wrote ${join(shown, path)}\n`);
  for (const path of kept) process.stdout.write(`  kept  ${join(shown, path)} (exists)\n`);
  process.stdout.write(`\nNext: run \`npx slapage validate\`${shown === '.' ? '' : ` --project ${shown}`}: it lists every TODO with its file and line.\n`);
  return 0;
}

/** Every file under `dir`, as relative paths with "/", sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** The example vendor's latest version: packed into templates/example/ by prepack; in the repository, policy/<latest>. */
function exampleVersion(): string {
  const packed = join(TEMPLATES, 'example');
  if (existsSync(packed)) return packed;
  const versions = readdirSync(join(PACKAGE, 'policy')).filter(isVersion).sort(compareVersions);
  return join(PACKAGE, 'policy', versions.at(-1)!);
}

