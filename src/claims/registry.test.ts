import { describe, expect, it } from 'vitest';
import { schemaPaths, shapeOf } from '../diff/schema-walk.ts';
import { publicKinds, publicSchemas } from '../model/policy.ts';
import { CHECK_IDS, CHECKS } from './checks.ts';
import { claims } from './registry.ts';

const paths = publicKinds.flatMap((kind) => schemaPaths(kind, shapeOf(publicSchemas[kind]))).map((p) => p.path);

describe('claims registry', () => {
  it('has an entry for every key of every public schema', () => {
    expect(paths.filter((path) => !(path in claims))).toEqual([]);
  });

  it('has no entry for a key the schemas do not have', () => {
    expect(Object.keys(claims).filter((path) => !paths.includes(path))).toEqual([]);
  });

  it('points every check at a field whose entry names it, and uses every check', () => {
    const misplaced = CHECK_IDS.filter((id) => {
      const claim = claims[CHECKS[id].field];
      return claim?.kind !== 'check' || !claim.checks.includes(id);
    });
    expect(misplaced).toEqual([]);
  });

  it('gives every organisational commitment and non-claim a reason', () => {
    expect(Object.entries(claims).filter(([, c]) => (c.kind === 'organisational' || c.kind === 'none') && c.reason.length < 10).map(([p]) => p)).toEqual([]);
  });
});
