import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKinds } from '../src/model/policy.ts';
import { buildSchemas, docComments, SCHEMA_DIR, schemaFileName } from './export-schema.ts';

type Json = { properties?: Record<string, Json>; items?: Json; description?: string };

describe('schema/*.schema.json', () => {
  const built = buildSchemas();

  it('are up to date with src/model (run `npm run schema` and commit when this fails)', () => {
    const stale = Object.entries(built).filter(([name, text]) => !existsSync(join(SCHEMA_DIR, name)) || readFileSync(join(SCHEMA_DIR, name), 'utf8') !== text);
    expect(stale.map(([name]) => name)).toEqual([]);
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(built).sort());
  });

  it('describe every field, from its JSDoc line in the model', () => {
    const undocumented: string[] = [];
    for (const [name, text] of Object.entries(built)) {
      const walk = (node: Json, path: string) => {
        for (const [key, child] of Object.entries(node.properties ?? {})) {
          if (!child.description) undocumented.push(`${name} ${path}${key}`);
          walk(child, `${path}${key}.`);
        }
        if (node.items) walk(node.items, `${path}[].`);
      };
      walk(JSON.parse(text) as Json, '');
    }
    expect(undocumented).toEqual([]);
  });

  it('are what every example file points yaml-language-server at', () => {
    const policy = resolve(import.meta.dirname, '../policy');
    const wrong: string[] = [];
    for (const version of readdirSync(policy).filter((n) => /^\d+\.\d+$/.test(n))) {
      for (const kind of fileKinds) {
        const path = join(policy, version, `${kind}.yaml`);
        if (!existsSync(path)) continue;
        const first = readFileSync(path, 'utf8').split('\n', 1)[0];
        if (first !== `# yaml-language-server: $schema=../../schema/${schemaFileName(kind)}`) wrong.push(`${version}/${kind}.yaml`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('carry an https-only pattern on links, which zod checks in code', () => {
    const meta = JSON.parse(built['meta.schema.json']!) as { properties: Record<string, { pattern?: string }> };
    expect(meta.properties.url?.pattern).toBe('^https://');
  });
});

describe('docComments', () => {
  it('follows nested objects, lists and schema consts declared apart', () => {
    const source = `/** x.yaml: the contract. */
const innerSchema = z.strictObject({
  /** Inner field. */
  deep: z.string(),
});
export const xSchema = z.strictObject({
  /** A list. */
  items: z.array(z.strictObject({
    /** Item name. */
    name: z.string(),
  })).min(1),
  inner: innerSchema,
});`;
    const { module, fields } = docComments(source, 'xSchema');
    expect(module).toBe('x.yaml: the contract.');
    expect(Object.fromEntries(fields)).toEqual({ items: 'A list.', 'items.name': 'Item name.', 'inner.deep': 'Inner field.' });
  });
});
