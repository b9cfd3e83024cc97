import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll } from '../../tests/fixtures/invalid/corpus.ts';
import { draftDates, setScalars, startDraft } from './draft.ts';
import { loadPolicy } from './load-policy.ts';
import { loadVersion } from './load-version.ts';

afterAll(removeAll);

describe('starting a draft', () => {
  it('setScalars rewrites only the values, keeping comments and layout', () => {
    const text = '# head\nversion: "3.1"   # the version\nupdated: 2026-01-01\nsummary: >-\n  two\n  lines\n';
    expect(setScalars(text, { version: '3.10', updated: '2026-07-01' })).toMatchInlineSnapshot(`
      "# head
      version: "3.10"   # the version
      updated: "2026-07-01"
      summary: >-
        two
        lines
      "
    `);
  });

  it('copies the latest version with version and dates bumped; the draft validates', () => {
    const c = corpus();
    const base = loadPolicy(c.policyDir).versions.at(-1)!;
    const dates = draftDates(base, '2026-07-01');
    expect(dates).toEqual({ updated: '2026-07-01', effective: '2026-07-31' });
    const dir = startDraft(c.policyDir, base, '3.2', dates);
    const meta = readFileSync(join(dir, 'meta.yaml'), 'utf8');
    expect(meta.split('\n').slice(0, 4).join('\n')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../schema/meta.schema.json
      version: "3.2"
      updated: "2026-07-01"
      effective: "2026-07-31""
    `);
    expect(loadVersion(dir, '3.2').problems).toEqual([]);
    expect(() => startDraft(c.policyDir, base, '3.2', dates)).toThrow(/already exists/);
  });
});
