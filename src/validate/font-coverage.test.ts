import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicy, type PolicyCopy } from '../../tests/fixtures/pdf-tools/policy-copy.ts';
import { formatProblems } from '../errors/format.ts';
import { validatePolicy } from './validate.ts';

describe('font coverage', () => {
  let policy: PolicyCopy;
  beforeAll(() => {
    policy = copyPolicy();
    policy.write('subprocessors.yaml', policy.read('subprocessors.yaml').replace('Quillmail Ltd.', 'Quillmail 株式会社 Ltd. ☃'));
    // Greek, Cyrillic and Latin Extended-B are covered: these must not be reported.
    policy.write('rbac.yaml', policy.read('rbac.yaml').replace('name: Auditor', 'name: Αудитор ǅ'));
    // The mono face lacks some of what the sans face has: ǅ is fine in prose but not in the JSON sample.
    policy.write('auth.yaml', policy.read('auth.yaml').replace('name: crm-readonly', 'name: crm-ǅ'));
    policy.write('nda.yaml', policy.read('nda.yaml').replace('Cobalt Ridge Security', '"Cobalt Ridge \\U0001F512"'));
  });
  afterAll(() => policy.remove());

  it('reports each undrawable value at its file:line:col, including nda.yaml and the mono JSON sample', () => {
    const problems = validatePolicy(policy.dir, { today: '2026-05-15' }).problems.filter((p) => p.code === 'font-coverage');
    const text = formatProblems(problems, 'text').replaceAll(relative(process.cwd(), policy.dir), '<policy>');
    expect(text).toMatchInlineSnapshot(`
      "<policy>/3.2/auth.yaml:21:13: error: sample_provisioning_payload.name: the PDF font cannot draw "ǅ" (U+01C5) [font-coverage]
        hint: replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them
          20 | sample_provisioning_payload:
        > 21 |   name: crm-ǅ
             |             ^
          22 |   config:

      <policy>/3.2/subprocessors.yaml:9:21: error: entries[1].name: the PDF font cannot draw "株" (U+682A), "式" (U+5F0F), "会" (U+4F1A), "社" (U+793E) [font-coverage]
        hint: replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them
           8 |     since: "2024-02-01"
        >  9 |   - name: Quillmail 株式会社 Ltd. ☃
             |                     ^
          10 |     purpose: Transactional email for account and incident notices

      <policy>/3.2/nda.yaml:16:11: error: pentest.tester: the PDF font cannot draw "🔒" (U+1F512) [font-coverage]
        hint: replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them
          15 | pentest:
        > 16 |   tester: "Cobalt Ridge \\U0001F512"
             |           ^
          17 |   date: "2026-03-20""
    `);
  });

  it('the example policy is fully drawable', () => {
    expect(validatePolicy('policy', { today: '2026-05-15' }).problems.filter((p) => p.code === 'font-coverage')).toEqual([]);
  });
});
