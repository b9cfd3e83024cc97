import { describe, expect, it } from 'vitest';
import { publicKinds, publicSchemas } from '../model/policy.ts';
import { directions } from './directions.ts';
import { leafType, schemaPaths, shapeOf, type Shape } from './schema-walk.ts';

const paths = publicKinds.flatMap((kind) => schemaPaths(kind, shapeOf(publicSchemas[kind])));
const byPath = new Map(paths.map((p) => [p.path, p.shape]));

describe('direction table', () => {
  it('has an entry for every key of every public schema', () => {
    const missing = paths.map((p) => p.path).filter((path) => !(path in directions));
    expect(missing).toEqual([]);
  });

  it('has no entry for a key the schemas do not have', () => {
    expect(Object.keys(directions).filter((path) => !byPath.has(path))).toEqual([]);
  });

  it('gives each key a rule that fits its type', () => {
    const misfits: string[] = [];
    for (const [path, { rule }] of Object.entries(directions)) {
      const shape = byPath.get(path) as Shape;
      const leaf = shape.type === 'leaf' ? leafType(shape.schema) : shape.type;
      const element = shape.type === 'array' ? shape.element.type : undefined;
      const fits = (() => {
        switch (rule.type) {
          case 'higher':
          case 'lower':
            return leaf === 'number';
          case 'prefer':
            return leaf === 'boolean' || leaf === 'literal';
          case 'rank':
            return leaf === 'enum' && sameMembers(rule.order, (shape as unknown as { schema: { options: string[] } }).schema.options);
          case 'set':
            return element === 'leaf';
          case 'keyed':
          case 'credit-tiers':
            return element === 'object' && byPath.get(`${path}[].${rule.key}`) !== undefined && directions[`${path}[].${rule.key}`]?.rule.type === 'identity';
          case 'identity':
            return /\[\]\.[a-z_]+$/.test(path);
          case 'prose':
          case 'neutral':
          case 'ignore':
            return shape.type === 'leaf';
        }
      })();
      if (!fits) misfits.push(`${path}: ${rule.type} on ${leaf}`);
    }
    expect(misfits).toEqual([]);
  });

  it('names the identity keys the format promises', () => {
    const identities = Object.entries(directions).filter(([, e]) => e.rule.type === 'identity').map(([path]) => path.split('.').at(-1));
    expect(new Set(identities)).toEqual(new Set(['id', 'operation', 'name', 'below_percent']));
  });
});

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
