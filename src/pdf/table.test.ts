import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicy, manySubprocessors, type PolicyCopy } from '../../tests/fixtures/pdf-tools/policy-copy.ts';
import { readPdf, type PdfReader } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { validatePolicy } from '../validate/validate.ts';
import { renderPublicPdf } from './editions.ts';
import { publicSources } from './published.ts';

const ENTRIES = 60;
const HEADER = /Name\s+Purpose\s+Location\s+Since/;

describe('a 60-entry sub-processor table', () => {
  let policy: PolicyCopy;
  let pdf: PdfReader;
  let names: string[];
  beforeAll(async () => {
    policy = copyPolicy();
    policy.write('subprocessors.yaml', manySubprocessors(ENTRIES));
    // The fixture adds sub-processors, which needs notice: give it.
    policy.write('meta.yaml', policy.read('meta.yaml').replace(/effective: "[^"]+"/, 'effective: "2026-12-31"'));
    const { versions, problems } = validatePolicy(policy.dir, { today: '2026-05-15' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const version = versions.at(-1)!;
    names = version.policy.subprocessors.entries.map((e) => e.name);
    pdf = readPdf(await renderPublicPdf(version.policy, publicSources(version)));
  });
  afterAll(() => {
    pdf.close();
    policy.remove();
  });

  it('spans pages, repeats the header row on each, and never splits a row', () => {
    expect(names).toHaveLength(ENTRIES);
    const pagesWithRows: number[] = [];
    const seen: string[] = [];
    for (let page = 1; page <= pdf.pages; page++) {
      const text = pdf.text(page);
      const rows = names.filter((name) => text.includes(name));
      if (rows.length === 0) continue;
      pagesWithRows.push(page);
      seen.push(...rows);
      // No orphaned row: a page the table reaches holds at least two of its rows.
      expect(rows.length, `rows on page ${page}`).toBeGreaterThanOrEqual(2);
      const header = text.search(HEADER);
      expect(header, `header on page ${page}`).toBeGreaterThanOrEqual(0);
      expect(header, `header above the rows on page ${page}`).toBeLessThan(text.indexOf(rows[0]!));
      // A row's other cells (its location, after a purpose that wraps) are on the same page as its name.
      for (const name of rows) expect(text, name).toContain(`Country ${name.match(/\d+/)![0]}`);
    }
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual(names);
  });
});
