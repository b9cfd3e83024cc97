import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicKinds, publicSchemas } from '../model/policy.ts';
import { validatePolicy } from '../validate/validate.ts';
import { publicModel, publicModelSchema } from './public-model.ts';
import { publishedClaimsSchema } from '../claims/evidence-view.ts';

const { versions } = validatePolicy('policy', { today: '2026-05-15' });

describe('publicModel', () => {
  it('round-trips through the schemas its JSON Schema is derived from, for every version', () => {
    const document = z.strictObject({ $schema: z.string(), version: z.string(), ...publicSchemas, claims: publishedClaimsSchema });
    for (const { policy } of versions) expect(document.parse(JSON.parse(JSON.stringify(publicModel(policy))))).toBeTruthy();
  });

  it('holds the public kinds and what backs each claim only, even for versions with an NDA annex', () => {
    const withNda = versions.filter((v) => v.nda !== undefined);
    expect(withNda.length).toBeGreaterThan(0);
    for (const { policy } of withNda) expect(Object.keys(publicModel(policy))).toEqual(['$schema', 'version', ...publicKinds, 'claims']);
  });
});

describe('publicModelSchema', () => {
  it('describes every public kind and rejects unknown keys', () => {
    const schema = publicModelSchema() as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'version', 'status', 'notice', 'upcoming', 'pdf', ...publicKinds, 'measurement', 'claims']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining([...publicKinds]));
  });
});

describe('status in sla.json', () => {
  it('a draft says so, and the version in force lists the upcoming release', () => {
    const policy = versions.at(-1)!.policy;
    const draft = publicModel(policy, undefined, undefined, { status: 'draft', notice: 'Draft: not in force' });
    expect([draft.status, draft.notice]).toEqual(['draft', 'Draft: not in force']);
    const upcoming = [{ version: '3.3', effective: '2026-12-15', url: 'https://trust.tessellate.example/v/3.3/sla.json' }];
    expect(publicModel(policy, undefined, undefined, { status: 'in-force', upcoming }).upcoming).toEqual(upcoming);
  });
});
