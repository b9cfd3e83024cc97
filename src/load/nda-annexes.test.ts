import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll, type Corpus } from '../../tests/fixtures/invalid/corpus.ts';
import { validatePolicy } from '../validate/validate.ts';
import { loadPolicy } from './load-policy.ts';

afterAll(removeAll);

/** The corpus's nda.yaml under an annex header: a valid annex file for 3.1 on. */
function annexText(c: Corpus, header = 'annex:\n  versions:\n    from: "3.1"\n  updated: "2026-06-01"\n'): string {
  return header + readFileSync(join(c.policyDir, '3.1', 'nda.yaml'), 'utf8').replace(/^#.*\n/, '');
}

function withAnnexes(files: Record<string, string | ((c: Corpus) => string)>): Corpus {
  const c = corpus();
  mkdirSync(join(c.policyDir, 'nda'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(c.policyDir, 'nda', name), typeof text === 'function' ? text(c) : text);
  return c;
}

describe('NDA annex files, policy/nda/<N>.yaml', () => {
  it('load beside the versions (policy/nda/ is not a version folder), after each version\'s own nda.yaml', () => {
    const c = withAnnexes({ '1.yaml': (c) => annexText(c), '2.yaml': (c) => annexText(c).replace('Harbor & Vale LLP', 'Quay Audit LLP') });
    const loaded = loadPolicy(c.policyDir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.folders).toEqual(['3.1']);
    expect(loaded.annexes.map((a) => [a.id, a.from, a.through, a.updated, a.nda.soc2.auditor])).toEqual([
      ['1', '3.1', undefined, '2026-06-01', 'Harbor & Vale LLP'],
      ['2', '3.1', undefined, '2026-06-01', 'Quay Audit LLP'],
    ]);
    const validation = validatePolicy(c.policyDir);
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validation.annexes.map((a) => `${a.source} ${a.id}`)).toEqual(['annex-file 1', 'annex-file 2', 'version-file 3.1']);
    expect(validation.annexReleases).toEqual({});
  });

  it('are validated like the policy files: wrong type, unknown neighbour, missing header, each at file:line:column', () => {
    const c = withAnnexes({
      '1.yaml': (c) => annexText(c, 'annex:\n  versions:\n    from: 3.1\n  updatd: "2026-06-01"\n'),
      '2.yaml': (c) => annexText(c, ''),
    });
    expect(c.render(loadPolicy(c.policyDir).problems)).toMatchInlineSnapshot(`
      "policy/nda/1.yaml:4:3: unknown key \`updatd\` in annex [unknown-key]
        hint: did you mean \`updated\`?
      policy/nda/1.yaml:3:11: annex.versions.from: expected text, got number 3.1 [invalid-type]
        hint: quote it: "3.1"
      policy/nda/2.yaml:1:1: missing required key \`annex\` [missing-key]
        hint: add \`annex:\` here (a mapping)"
    `);
  });

  it('refuse a backwards range and a file name that is not a number; warn when an annex covers no version', () => {
    const c = withAnnexes({
      '1.yaml': (c) => annexText(c, 'annex:\n  versions: { from: "3.1", through: "3.0" }\n  updated: "2026-06-01"\n'),
      '2.yaml': (c) => annexText(c, 'annex:\n  versions: { from: "4.0" }\n  updated: "2026-06-01"\n'),
      'annex-3.yaml': 'annex: {}\n',
      'soc2.yml': 'annex: {}\n',
    });
    expect(c.render(loadPolicy(c.policyDir).problems)).toMatchInlineSnapshot(`
      "policy/nda/1.yaml:2:37: annex.versions.through \`3.0\` is before annex.versions.from \`3.1\` [nda-annex-range]
        hint: set \`through\` to the last public version the annex applies to (not before \`from\`), or leave it out to cover every version from \`from\` on
      policy/nda/2.yaml:2:21: NDA annex 2 applies to no version in the policy folder (versions: 3.1) [nda-annex-covers-nothing]
        hint: set annex.versions.from (and through, if given) to the public versions whose NDA edition should carry this annex
      policy/nda/annex-3.yaml:1:1: \`annex-3.yaml\` in policy/nda/ is not an annex file (expected a number, like "2.yaml") [nda-annex-bad-name]
        hint: rename it to \`3.yaml\`; NDA annexes are numbered in the order they are written: policy/nda/1.yaml, 2.yaml, …
      policy/nda/soc2.yml:1:1: \`soc2.yml\` in policy/nda/ is not an annex file (expected a number, like "2.yaml") [nda-annex-bad-name]
        hint: NDA annexes are numbered in the order they are written: policy/nda/1.yaml, 2.yaml, …"
    `);
  });

  it('are checked for the PDF font like nda.yaml', () => {
    const c = withAnnexes({ '1.yaml': (c) => annexText(c).replace('tester: Cobalt Ridge Security', 'tester: "Cobalt Ridge \\U0001F512"') });
    expect(c.render(validatePolicy(c.policyDir).problems.filter((p) => p.code === 'font-coverage'))).toMatchInlineSnapshot(`
      "policy/nda/1.yaml:19:11: pentest.tester: the PDF font cannot draw "🔒" (U+1F512) [font-coverage]
        hint: replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them"
    `);
  });
});
