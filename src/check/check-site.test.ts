import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPublicPdf } from '../pdf/editions.ts';
import { publicSources } from '../pdf/published.ts';
import { validatePolicy } from '../validate/validate.ts';
import { checkSite } from './check-site.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../policy');
const CANARY = 'Canary sentence of annex one, seen only under NDA 7f3a9c';
const root = mkdtempSync(join(tmpdir(), 'check-nda-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slapage check: no NDA annex text in any public file', () => {
  it('finds the text of an annex file (policy/nda/<N>.yaml) in a page and inside a PDF\'s compressed attachment, and of a version\'s nda.yaml', async () => {
    const policyDir = join(root, 'policy');
    cpSync(join(EXAMPLE, '3.2'), join(policyDir, '3.2'), { recursive: true });
    mkdirSync(join(policyDir, 'nda'));
    const own = readFileSync(join(policyDir, '3.2', 'nda.yaml'), 'utf8');
    writeFileSync(join(policyDir, 'nda', '1.yaml'), `annex:\n  versions: { from: "3.2" }\n  updated: "2026-06-01"\n${own.replace(/summary: >-\n[^\n]+\n[^\n]+/, `summary: ${CANARY}`)}`);
    const clean = validatePolicy(policyDir, { today: '2026-06-15' });
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(clean.annexes.find((a) => a.id === '1')?.nda.soc2.summary).toBe(CANARY);

    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="en"><head><title>t</title></head><body><main><p>SLA</p></main></body></html>\n');
    writeFileSync(join(dist, 'leak.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body><p>${CANARY}</p></body></html>\n`);
    writeFileSync(join(dist, 'legacy.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body><p>${clean.versions[0]!.nda!.pentest.remediation}</p></body></html>\n`);
    // The canary in a YAML comment of a public file: the PDF only holds it inside its Flate-compressed attachment.
    writeFileSync(join(policyDir, '3.2', 'uptime.yaml'), `${readFileSync(join(policyDir, '3.2', 'uptime.yaml'), 'utf8')}# ${CANARY}\n`);
    const leaky = validatePolicy(policyDir, { today: '2026-06-15' }).versions[0]!;
    writeFileSync(join(dist, 'sla-v3.2.pdf'), await renderPublicPdf(leaky.policy, publicSources(leaky)));
    expect(readFileSync(join(dist, 'sla-v3.2.pdf')).toString('latin1')).not.toContain(CANARY);
    const fine = clean.versions[0]!;
    writeFileSync(join(dist, 'sla.pdf'), await renderPublicPdf(fine.policy, publicSources(fine)));

    const { findings } = await checkSite({ dir: dist, base: '/', versions: clean.versions, annexes: clean.annexes, policyDir, browser: false });
    const leaks = findings.filter((f) => f.detail.includes('appears in a public file')).map((f) => `${f.file}: ${f.detail.replace(/: ".*/, '')}`);
    expect(leaks).toEqual([
      'leak.html: text from policy/nda/1.yaml appears in a public file',
      'legacy.html: text from policy/3.2/nda.yaml appears in a public file',
      'legacy.html: text from policy/nda/1.yaml appears in a public file',
      'sla-v3.2.pdf: text from policy/nda/1.yaml appears in a public file',
    ]);
  }, 60_000);
});
