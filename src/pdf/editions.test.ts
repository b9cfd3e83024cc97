import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicy, type PolicyCopy } from '../../tests/fixtures/pdf-tools/policy-copy.ts';
import { rawPdf, readPdf, type PdfReader } from '../../tests/fixtures/pdf-tools/poppler.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import { loadMeasurements, measurementsByVersion, resolveMeasurementsDir } from '../load/measurements.ts';
import { fileNameOf, publicKinds } from '../model/policy.ts';
import { sections } from '../model/sections.ts';
import { validatePolicy } from '../validate/validate.ts';
import { renderNdaPdf, renderPublicPdf } from './editions.ts';
import { allowedDowntimeSeconds, periods } from '../document/downtime.ts';
import { duration } from '../model/units.ts';
import { MEASURED_WHAT, provenanceSentence, publishedMeasurement, type PublishedMeasurement } from '../document/measured-latency.ts';
import { formatHttpResponse, sampleRateLimitResponse } from '../document/rate-limit-sample.ts';
import { percent } from '../model/units.ts';
import { annexes, ndaStamp } from './nda-annex.ts';
import { publicSources } from './published.ts';
import { lastUpdated } from './running.ts';

const CANARY = 'NDA-CANARY-7f3a9c';
const RECIPIENT = 'Acme Corp';
const DATE = '2026-07-01';

function load(dir: string): LoadedVersion[] {
  const { versions, problems } = validatePolicy(dir, { today: '2026-05-15' });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return versions;
}

/** Whitespace-insensitive: pdftotext -layout pads columns and wraps lines. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('public edition of the example policy', () => {
  let version: LoadedVersion;
  let bytes: Uint8Array;
  let pdf: PdfReader;
  beforeAll(async () => {
    version = load('policy').at(-1)!;
    bytes = await renderPublicPdf(version.policy, publicSources(version));
    pdf = readPdf(bytes);
  });
  afterAll(() => pdf.close());

  it('shows every section heading, in page order, and the key figures from the policy', () => {
    const text = pdf.text();
    const positions = sections.map((s) => text.search(new RegExp(`^${s.title}$`, 'm')));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const { policy } = version;
    // Narrow table cells wrap at hyphens and slashes; compare in drawing order without whitespace.
    const flat = pdf.rawText().replace(/\s+/g, '');
    const figures = [
      percent(policy.uptime.target_percent),
      ...periods.map((p) => duration(allowedDowntimeSeconds(policy.uptime.target_percent, p.seconds))),
      // The same sample 429 as the page's #rate-limits.
      formatHttpResponse(sampleRateLimitResponse(policy['rate-limits'])!),
      ...policy.latency.objectives!.flatMap((o) => [o.operation, `${o.p99_ms} ms`]),
      ...policy.subprocessors.entries.map((e) => e.name),
      ...policy.credits.tiers.map((t) => percent(t.credit_percent)),
      `${policy.incidents.breach_notification_hours} hours`,
      `${policy.subprocessors.notice_days} days`,
      policy.meta.effective,
      lastUpdated(policy.meta),
    ];
    for (const figure of figures) expect(flat, figure).toContain(figure.replace(/\s+/g, ''));
  });

  it('has a named destination for every anchor id and alias of the page', () => {
    const dests = pdf.dests();
    for (const section of sections) {
      expect(dests.has(section.id), section.id).toBe(true);
      for (const alias of section.aliases) expect(dests.get(alias), alias).toBe(dests.get(section.id));
    }
    expect([...dests.keys()].sort()).toEqual(sections.flatMap((s) => [s.id, ...s.aliases]).sort());
  });

  it('has an outline entry per section that lands on the section’s page', () => {
    const dests = pdf.dests();
    expect(pdf.outline()).toEqual(sections.map((s) => ({ title: s.title, page: dests.get(s.id) })));
  });

  it('numbers pages "Page N of M" and carries the footer of the page', () => {
    for (let page = 1; page <= pdf.pages; page++) {
      const text = pdf.text(page);
      expect(text).toContain(`Page ${page} of ${pdf.pages}`);
      expect(text).toContain(lastUpdated(version.policy.meta));
    }
  });

  it('declares PDF/A-3b with embedded fonts, an output intent, no encryption, and the public sources attached', () => {
    const raw = rawPdf(bytes);
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain('/AFRelationship /Source');
    expect(raw).not.toContain('/Encrypt');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    const fonts = pdf.fonts();
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.name.includes('DejaVu'))).toBe(true);
    const files = pdf.attachments();
    expect([...files.keys()]).toEqual(publicKinds.map(fileNameOf).sort());
    expect(files.get('meta.yaml')).toBe(version.files.meta!.text);
    expect(pdf.info()).toMatchObject({ Title: `${version.policy.meta.product} — SLA and security policy v${version.version}`, Author: version.policy.meta.company });
  });

  it('is byte-identical when rendered again', async () => {
    const again = await renderPublicPdf(version.policy, publicSources(version));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('NDA edition', () => {
  let policy: PolicyCopy;
  let version: LoadedVersion;
  let nda: PdfReader;
  let ndaBytes: Uint8Array;
  beforeAll(async () => {
    policy = copyPolicy();
    policy.write('nda.yaml', policy.read('nda.yaml').replace('auditor: Harbor & Vale LLP', `auditor: Harbor & Vale LLP ${CANARY}`));
    version = load(policy.dir).at(-1)!;
    expect(version.files.nda!.text).toContain(CANARY);
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    ndaBytes = await renderNdaPdf(version.policy, version.nda!, sources, { recipient: RECIPIENT, date: DATE });
    nda = readPdf(ndaBytes);
  });
  afterAll(() => {
    nda.close();
    policy.remove();
  });

  it('keeps the canary out of the public edition: text, attachments, metadata', async () => {
    const bytes = await renderPublicPdf(version.policy, publicSources(version));
    const pub = readPdf(bytes);
    try {
      expect(pub.text()).not.toContain(CANARY);
      expect(pub.text()).not.toContain('Confidential');
      expect(pub.attachments().has('nda.yaml')).toBe(false);
      expect([...pub.attachments().values()].join('\n')).not.toContain(CANARY);
      expect(rawPdf(bytes)).not.toContain(CANARY);
      expect(pub.dests().has(annexes[0].id)).toBe(false);
    } finally {
      pub.close();
    }
  });

  it('carries the annexes, the canary and nda.yaml', () => {
    expect(nda.text()).toContain(CANARY);
    expect(nda.attachments().get('nda.yaml')).toContain(CANARY);
    const dests = nda.dests();
    for (const annex of annexes) expect(dests.has(annex.id), annex.id).toBe(true);
    expect(nda.outline().map((o) => o.title)).toEqual([...sections.map((s) => s.title), ...annexes.map((a) => a.title)]);
  });

  it('stamps every page for the recipient and records the recipient in the metadata', () => {
    const stamp = ndaStamp(RECIPIENT, DATE);
    for (let page = 1; page <= nda.pages; page++) expect(squash(nda.text(page)), `page ${page}`).toContain(stamp);
    const info = nda.info();
    expect(info.Title).toContain(RECIPIENT);
    expect(info.Subject).toContain(stamp);
    expect(info.Recipient).toBe(RECIPIENT);
    expect(info.CreationDate).toMatch(/Jul\s+1 00:00:00 2026 UTC/);
  });

  it('writes well-formed XMP that agrees with the Info dictionary, whatever the recipient’s name holds', async () => {
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    const recipient = 'Smith & Jones <EU> "Ltd"';
    const raw = rawPdf(await renderNdaPdf(version.policy, version.nda!, sources, { recipient, date: DATE }));
    const xmp = Buffer.from(/<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(raw)![0], 'latin1').toString('utf8');
    expect(XMLValidator.validate(xmp)).toBe(true);
    expect(xmp).toContain('Smith &amp; Jones &lt;EU&gt; &quot;Ltd&quot;');
    expect(xmp).toContain(`<xmp:CreateDate>${DATE}T00:00:00Z</xmp:CreateDate>`);
    expect(xmp).toContain(`<xmp:ModifyDate>${DATE}T00:00:00Z</xmp:ModifyDate>`);
  });

  it('is reproducible with a fixed date', async () => {
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    const again = await renderNdaPdf(version.policy, version.nda!, sources, { recipient: RECIPIENT, date: DATE });
    expect(Buffer.from(again).equals(Buffer.from(ndaBytes))).toBe(true);
  });
});

describe('latency section: the committed measurement, as on the page', () => {
  let versions: LoadedVersion[];
  let measured: Map<string, PublishedMeasurement | undefined>;
  let latest: LoadedVersion;
  let measurement: PublishedMeasurement;
  let measurementText: string;
  let bytes: Uint8Array;
  let pdf: PdfReader;
  beforeAll(async () => {
    versions = load('policy');
    // Chosen exactly as the site build and `npm run pdf` choose it.
    const byVersion = measurementsByVersion(versions, loadMeasurements(resolveMeasurementsDir('policy')).files);
    measured = new Map(versions.map((v) => [v.version, publishedMeasurement(byVersion.get(v.version))]));
    latest = versions.at(-1)!;
    measurementText = readFileSync(byVersion.get(latest.version)!.file, 'utf8');
    measurement = measured.get(latest.version)!;
    expect(measurement, 'a committed measurement applies to the latest version').toBeDefined();
    bytes = await renderPublicPdf(latest.policy, publicSources(latest), { measurement });
    pdf = readPdf(bytes);
  });
  afterAll(() => pdf.close());

  /** Each objective row in drawing order, whitespace dropped: committed P50, P95, P99, then the measured cell. */
  const rows = (m: PublishedMeasurement | undefined, version: LoadedVersion) =>
    version.policy.latency.objectives!.map((o) => {
      const op = m?.measurement.operations.find((x) => x.operation === o.operation);
      // Independent of the helper under test: microsecond rounding, en-US digits.
      const ms = (v: number) => `${(Math.round(v * 1000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 6 })} ms`;
      const cell = op ? [op.p50_ms, op.p95_ms, op.p99_ms].map(ms).join(' / ') : 'not measured';
      return [o.p50_ms, o.p95_ms, o.p99_ms].map(ms).join('') + cell;
    });
  const flat = (text: string) => text.replace(/\s+/g, '');

  it('shows the measured P50 / P95 / P99 next to each committed objective', () => {
    const text = flat(pdf.rawText());
    expect(text).toContain(flat('Measured P50 / P95 / P99'));
    for (const row of rows(measurement, latest)) expect(text).toContain(flat(row));
    expect(text).not.toContain('notmeasured');
  });

  it('says what is measured and gives the provenance sentence of the page', () => {
    const text = flat(pdf.text());
    const m = measurement.measurement;
    const sentence = provenanceSentence(measurement);
    expect(sentence).toContain(`Measured on ${m.taken_at.slice(0, 10)}, ${m.method.pairs.toLocaleString('en-US')} samples per operation, Node ${m.provenance.node_version}`);
    expect(sentence).toContain(measurement.file);
    expect(text).toContain(flat(`${MEASURED_WHAT} ${sentence}`));
  });

  it('carries the committed measurement file as its evidence, byte for byte', () => {
    const files = pdf.attachments();
    expect([...files.keys()]).toEqual([...publicKinds.map(fileNameOf), measurement.file].sort());
    expect(files.get(measurement.file)).toBe(measurementText);
    expect(rawPdf(bytes)).toContain('/AFRelationship /Data');
  });

  it('shows "not measured" for an archived version published before any measurement, like the page', async () => {
    const oldest = versions[0]!;
    expect(measured.get(oldest.version)).toBeUndefined();
    const old = readPdf(await renderPublicPdf(oldest.policy, publicSources(oldest), { measurement: measured.get(oldest.version) }));
    try {
      const text = flat(old.rawText());
      for (const row of rows(undefined, oldest)) expect(text).toContain(flat(row));
      expect(text).toContain(flat('Not measured yet: no measurement was published with this version.'));
      expect(text).not.toContain('Measuredon');
      expect([...old.attachments().keys()]).toEqual(publicKinds.map(fileNameOf).sort());
    } finally {
      old.close();
    }
  });

  it('shows the same latency section in the NDA edition', async () => {
    const sources = [...publicSources(latest), { name: 'nda.yaml', text: latest.files.nda!.text }];
    const nda = readPdf(await renderNdaPdf(latest.policy, latest.nda!, sources, { recipient: RECIPIENT, date: DATE, measurement }));
    try {
      const text = flat(nda.rawText());
      for (const row of rows(measurement, latest)) expect(text).toContain(flat(row));
      expect(text).toContain(flat(`${MEASURED_WHAT} ${provenanceSentence(measurement)}`));
    } finally {
      nda.close();
    }
  });

  it('is byte-identical when rendered again with the same measurement', async () => {
    const again = await renderPublicPdf(latest.policy, publicSources(latest), { measurement });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
