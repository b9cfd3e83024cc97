/**
 * `slapage init --auth-model MODEL [--company NAME] [--product NAME] [--url URL] [--security-contact EMAIL] [--example] [--project DIR]`:
 * starts a project in an empty or existing folder, never overwriting a file. Unknown values are TODO placeholders,
 * which `slapage validate` lists with their locations until they are filled in; auth.yaml holds the keys of the chosen
 * authentication model only, and no template carries a value of any one vendor's architecture.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setScalars } from '../load/draft.ts';
import { today } from '../validate/validate.ts';
import { compareVersions, isVersion } from '../model/version.ts';
import { parse, UsageError } from './args.ts';

export const usage = `usage: slapage init --auth-model url-token|oauth-delegation|api-key|other [--company NAME] [--product NAME] [--url URL]
                    [--security-contact EMAIL] [--example] [--project DIR]

Writes slapage.config.yaml, policy/1.0/ with every file, .gitignore, README.md and three GitHub workflows
(pull-request review, publishing to GitHub Pages, the uptime probe every 5 minutes) into the project folder (default: the current folder).
Existing files are never overwritten. Values not given are TODO placeholders: run \`slapage validate\` to list them.
--auth-model picks auth.yaml's keys: url-token (a secret URL per MCP server), oauth-delegation (end users connect
their own accounts), api-key, or other; asked when run in a terminal, required otherwise.
--example starts from the example vendor's policy instead of placeholders.
Exit status: 0 written, 2 usage error.`;

/** The package root: the templates sit beside src/ (in the repository) and lib/ (once packed). */
const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATES = join(PACKAGE, 'templates');

/** The authentication models init has a template for (templates/project/policy/1.0/auth.<model>.yaml). */
export const AUTH_MODELS = ['url-token', 'oauth-delegation', 'api-key', 'other'] as const;
type AuthModel = (typeof AUTH_MODELS)[number];
const isAuthModel = (value: string | undefined): value is AuthModel => (AUTH_MODELS as readonly string[]).includes(value ?? '');

/** The model from --auth-model, else asked on a terminal; in a pipe a missing model is a usage error. */
async function authModel(given: string | undefined): Promise<AuthModel> {
  if (given !== undefined) {
    if (isAuthModel(given)) return given;
    throw new UsageError(`unknown --auth-model ${JSON.stringify(given)}; use one of ${AUTH_MODELS.join(', ')}`);
  }
  if (!process.stdin.isTTY) throw new UsageError(`--auth-model is missing: pass one of ${AUTH_MODELS.join(', ')} (stdin is not a terminal, so init cannot ask)`);
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question(`How do MCP clients authenticate? (${AUTH_MODELS.join(' / ')}): `)).trim();
      if (isAuthModel(answer)) return answer;
      process.stdout.write(`  please answer one of ${AUTH_MODELS.join(', ')}\n`);
    }
  } finally {
    rl.close();
  }
}

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      project: { type: 'string' },
      company: { type: 'string' },
      product: { type: 'string' },
      url: { type: 'string' },
      'security-contact': { type: 'string' },
      example: { type: 'boolean' },
      'auth-model': { type: 'string' },
    },
  });
  // The example brings its own auth.yaml; only placeholders need a model.
  const model = values.example ? undefined : await authModel(values['auth-model']);
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
    for (const path of files(join(project, 'policy'))) {
      // auth.<model>.yaml: one variant per authentication model; the chosen one becomes auth.yaml.
      const variant = /^(.*\/)auth\.([a-z-]+)\.yaml$/.exec(path);
      if (variant && variant[2] !== model) continue;
      write(`policy/${variant ? `${variant[1]}auth.yaml` : path}`, fill(readFileSync(join(project, 'policy', path), 'utf8')));
    }
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

