import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { schemaPaths, shapeOf } from '../diff/schema-walk.ts';
import { publicKinds, publicSchemas } from '../model/policy.ts';
import { AUTH_MODELS } from './init.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TEMPLATES = join(ROOT, 'templates/project/policy/1.0');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function init(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'slapage-init-'));
  dirs.push(dir);
  // stdin is a pipe here, never a terminal: init must not wait for an answer.
  const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'init', '--project', dir, ...args], { encoding: 'utf8', input: '' });
  return { dir, status: run.status, out: run.stdout + run.stderr };
}

/** Every key path a template file writes, as schema paths ("auth.tokens.storage", "latency.objectives[].p50_ms"). */
function templateKeys(kind: string, text: string): string[] {
  const keys: string[] = [];
  const walk = (node: Node | null, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = `${prefix}.${String((pair.key as { value: unknown }).value)}`;
        keys.push(key);
        walk(pair.value as Node | null, key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as Node, `${prefix}[]`);
    }
  };
  walk(parseDocument(text.replace(/\{\{\w+\}\}/g, '"x"')).contents, kind);
  return keys;
}

const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.yaml'));
const kindOf = (file: string) => file.replace(/\..*$/, '');

describe('slapage init', () => {
  it('without --auth-model in a pipe: a usage error naming the models, exit 2, nothing written', () => {
    const run = init([]);
    expect(run.status).toBe(2);
    expect(run.out).toContain('--auth-model is missing: pass one of url-token, oauth-delegation, api-key, other (stdin is not a terminal, so init cannot ask)');
    expect(readdirSync(run.dir)).toEqual([]);
  });

  it('an unknown model is a usage error', () => {
    const run = init(['--auth-model', 'oauth']);
    expect(run.status).toBe(2);
    expect(run.out).toContain('unknown --auth-model "oauth"; use one of url-token, oauth-delegation, api-key, other');
  });

  it.each(AUTH_MODELS)('%s: auth.yaml holds that model\'s keys; validate lists TODOs and nothing else', (model) => {
    const run = init(['--auth-model', model]);
    expect(run.status).toBe(0);
    const auth = readFileSync(join(run.dir, 'policy/1.0/auth.yaml'), 'utf8');
    expect(auth).toBe(readFileSync(join(TEMPLATES, `auth.${model}.yaml`), 'utf8'));
    expect(readdirSync(join(run.dir, 'policy/1.0')).filter((f) => f.startsWith('auth'))).toEqual(['auth.yaml']);
    const validate = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'validate', '--project', run.dir], { encoding: 'utf8' });
    expect(validate.status).toBe(1);
    const codes = [...validate.stdout.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]);
    // Placeholders only: every error is a TODO (the warnings are the open procurement questions).
    expect(new Set(codes.filter((c) => c !== 'question-unanswered'))).toEqual(new Set(['todo-placeholder']));
  });

  it('oauth-delegation writes the keys of that design: who holds the credentials, revocation and its propagation, token refresh', () => {
    const keys = templateKeys('auth', readFileSync(join(TEMPLATES, 'auth.oauth-delegation.yaml'), 'utf8'));
    expect(keys).toEqual(expect.arrayContaining(['auth.delegation.consent', 'auth.credentials.holder', 'auth.revocation.by', 'auth.revocation.propagation_seconds', 'auth.credentials.refresh']));
    expect(keys.filter((k) => k.startsWith('auth.tokens'))).toEqual([]);
  });

  it.each(templates)('%s: no value of the example vendor\'s architecture, every value a TODO with a comment above its key', (file) => {
    const text = readFileSync(join(TEMPLATES, file), 'utf8');
    const lines = text.split('\n');
    const values = lines.filter((l) => !l.trimStart().startsWith('#')).join('\n');
    expect(values).not.toMatch(/pass-through(?! or)|retries: 0|ratelimit-|retry-after|-32029|uniform_rejection|request-time|hmac|secondary_auth/);
    lines.forEach((line, i) => {
      const value = /^\s*(?:- )?[a-z_]+:\s*(\S.*)$/.exec(line)?.[1];
      if (value === undefined) return;
      // The fixed values a template may carry: the modeline's fields init fills, the version, the model it is named for.
      if (/^(\{\{\w+\}\}|"\{\{\w+\}\}"|"1\.0"|url-token|api-key|oauth-delegation|\[en\])$/.test(value)) return;
      expect(value, `${file}:${i + 1}`).toMatch(/^\[?"TODO: /);
    });
    // Each top-level key has a comment: right above it (or above a run of sibling keys it shares), or as its block's first line.
    lines.forEach((line, i) => {
      if (!/^[a-z_]+:/.test(line)) return;
      let above = i - 1;
      while (above > 0 && /^[a-z_]+:/.test(lines[above]!)) above--;
      const commented = /^#/.test(lines[above] ?? '') || /^\s+#/.test(lines[i + 1] ?? '');
      expect(commented, `${file}:${i + 1} needs a comment`).toBe(true);
    });
  });

  it('every key a template writes is in the zod schemas and in docs/policy-format.md', () => {
    const schemaKeys = new Set(publicKinds.flatMap((kind) => schemaPaths(kind, shapeOf(publicSchemas[kind]))).map((p) => p.path));
    const objectKeys = (path: string) => [...schemaKeys].some((k) => k.startsWith(`${path}.`) || k.startsWith(`${path}[]`));
    const doc = readFileSync(join(ROOT, 'docs/policy-format.md'), 'utf8');
    const missing: string[] = [];
    for (const file of templates) {
      for (const key of templateKeys(kindOf(file), readFileSync(join(TEMPLATES, file), 'utf8'))) {
        if (!schemaKeys.has(key) && !objectKeys(key)) missing.push(`${file} ${key}: not in the schemas`);
        if (!doc.includes(`\`${key}\``)) missing.push(`${file} ${key}: not in docs/policy-format.md`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('docs/policy-format.md names every key of every schema', () => {
    const doc = readFileSync(join(ROOT, 'docs/policy-format.md'), 'utf8');
    const paths = publicKinds.flatMap((kind) => schemaPaths(kind, shapeOf(publicSchemas[kind]))).map((p) => p.path);
    expect(paths.filter((p) => !doc.includes(`\`${p}\``))).toEqual([]);
  });
});
