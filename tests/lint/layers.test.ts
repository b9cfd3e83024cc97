/** The layer rules fail where they should: a fixture project in a temp folder, linted with the same rules as src/. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GATEWAY_LAYERS, LAYERS, layerConfig } from '../../lint/layers.js';

const root = mkdtempSync(join(tmpdir(), 'slapage-layers-'));
const files: Record<string, string> = {
  'src/cli/main.ts': `export const command = 'build';\n`,
  // Upward: the model may not know the CLI.
  'src/model/upward.ts': `import { command } from '../cli/main.ts';\nexport const shown = command;\n`,
  // A type-only import counts too.
  'src/load/upward-type.ts': `import type { Rendered } from '../site/page.ts';\nexport type Loaded = Rendered;\n`,
  'src/site/page.ts': `import { shown } from '../model/upward.ts';\nexport type Rendered = typeof shown;\n`,
  // Siblings of one layer: verify and check may not import each other.
  'src/check/sibling.ts': `import { probe } from '../verify/probe.ts';\nexport const checked = probe;\n`,
  'src/verify/probe.ts': `export const probe = 1;\n`,
  // Downward is fine, and a test may load through any layer.
  'src/build/down.ts': `import type { Rendered } from '../site/page.ts';\nimport { shown } from '../model/upward.ts';\nexport const both: Rendered = shown;\n`,
  'src/model/upward.test.ts': `import { command } from '../cli/main.ts';\nexport const used = command;\n`,
  // A type-only cycle inside one folder.
  'src/diff/a.ts': `import type { B } from './b.ts';\nexport type A = B | 1;\n`,
  'src/diff/b.ts': `import type { A } from './a.ts';\nexport type B = A | 2;\n`,
};

let messages: Record<string, string[]>;

beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerConfig(root)] });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  messages = Object.fromEntries(results.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`)]));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

it('refuses an import of a higher layer, type-only ones included', () => {
  expect(messages['src/model/upward.ts']).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*"model".*"cli"/)]);
  expect(messages['src/load/upward-type.ts']).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*"load".*"site"/)]);
});

it('refuses an import between siblings of one layer', () => {
  expect(messages['src/check/sibling.ts']).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*"check".*"verify"/)]);
});

it('allows imports of lower layers, and tests that load through any layer', () => {
  expect(messages['src/build/down.ts']).toEqual([]);
  expect(messages['src/site/page.ts']).toEqual([]);
  expect(messages['src/model/upward.test.ts']).toEqual([]);
});

it('reports every module on an import cycle, type-only imports included', () => {
  expect(messages['src/diff/a.ts']).toEqual(['slapage/no-import-cycle: import cycle: diff/a.ts -> diff/b.ts -> diff/a.ts']);
  expect(messages['src/diff/b.ts']).toEqual(['slapage/no-import-cycle: import cycle: diff/b.ts -> diff/a.ts -> diff/b.ts']);
});

it('places every folder of src/ in a layer', async () => {
  const { readdirSync } = await import('node:fs');
  const folders = readdirSync(join(import.meta.dirname, '../../src'), { withFileTypes: true }).filter((e) => e.isDirectory() && readdirSync(join(e.parentPath, e.name)).length > 0).map((e) => e.name);
  expect(folders.filter((f) => !LAYERS.flat().includes(f))).toEqual([]);
});

it('places every folder of the gateway\'s src/ in a gateway layer, and lints it with them', async () => {
  const { readdirSync } = await import('node:fs');
  const src = join(import.meta.dirname, '../../packages/gateway/src');
  const folders = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory() && readdirSync(join(e.parentPath, e.name)).length > 0).map((e) => e.name);
  expect(folders.filter((f) => !GATEWAY_LAYERS.flat().includes(f))).toEqual([]);
  // The same rules with the gateway's table under a base folder: base (lowest) may not import server (highest).
  const gw = mkdtempSync(join(tmpdir(), 'slapage-gw-layers-'));
  try {
    for (const [path, text] of Object.entries({
      'packages/gateway/src/base/upward.ts': `import { start } from '../server/server.ts';\nexport const s = start;\n`,
      'packages/gateway/src/server/server.ts': `export const start = 1;\n`,
    })) {
      mkdirSync(dirname(join(gw, path)), { recursive: true });
      writeFileSync(join(gw, path), text);
    }
    const eslint = new ESLint({ cwd: gw, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerConfig(gw, { layers: GATEWAY_LAYERS, base: 'packages/gateway/' })] });
    const [upward, server] = await eslint.lintFiles(['packages/gateway/src/base/upward.ts', 'packages/gateway/src/server/server.ts']);
    expect(upward?.messages.map((m) => m.message)).toEqual([expect.stringMatching(/"base".*"server"/)]);
    expect(server?.messages).toEqual([]);
  } finally {
    rmSync(gw, { recursive: true, force: true });
  }
});
