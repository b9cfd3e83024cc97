/** The twelve sections of the page, in page order, drawn from the public Policy only (and the version's committed measurement, if any). */
import type { Policy } from '../model/policy.ts';
import { sections } from '../model/sections.ts';
import type { Doc } from './document.ts';
import { allowedDowntimeSeconds, formatDuration, periods } from '../document/downtime.ts';
import { formatValue } from '../model/units.ts';
import { certificationStatusText, reportAvailabilityText } from '../document/labels.ts';
import { MEASURED_WHAT, measuredByOperation, provenanceSentence, type MeasuredPercentiles, type PublishedMeasurement } from '../document/measured-latency.ts';
import { formatHttpResponse, sampleRateLimitResponse } from '../document/rate-limit-sample.ts';
import { authFacts, changesFacts, deploymentFacts, latencyScopeFact, rateLimitFacts, rbacFacts, retentionFacts, type Fact } from '../document/facts.ts';
import { answers } from '../model/procurement.ts';
import { formatMinutes, percent, plural } from './figures.ts';
import { bullets, codeBlock, facts, linkLine, paragraph, sectionHeading, subheading } from './layout.ts';
import { table } from './table.ts';
import { renderClaimEvidence } from './evidence.ts';
import type { EvidenceFile } from '../model/evidence.ts';

/** What a section may show besides the policy: the measurement the page's #latency shows for this version. */
export interface SectionExtras {
  readonly measurement?: PublishedMeasurement | undefined;
  /** The version's latest verification evidence, shown beside each section's claims. */
  readonly evidence?: EvidenceFile | undefined;
}

type Renderer = (doc: Doc, policy: Policy, extras: SectionExtras) => void;

/** The shared commitment lines (src/document/facts.ts) as label/value rows. */
const rows = (lines: readonly Fact[]) => lines.map((f) => [f.label, f.mono ? { text: f.text, mono: true } : f.text] as const);
const mail = (address: string) => ({ text: address, link: `mailto:${address}` });
const web = (url: string) => ({ text: url, link: url });
const windowName = { 'calendar-month': 'calendar month', 'calendar-quarter': 'calendar quarter' } as const;

const renderers: Record<string, Renderer> = {
  summary(doc, policy) {
    const { meta } = policy;
    paragraph(doc, meta.summary);
    const answered = answers(policy).filter((a) => a.answer !== undefined);
    if (answered.length > 0) {
      subheading(doc, 'At a glance');
      bullets(doc, answered.map((a) => ({ lead: a.question.question, text: `${a.answer!} (see ${sections.find((s) => s.id === a.question.section)?.title ?? a.question.section})` })));
    }
    facts(doc, [
      ['Provider', meta.company],
      ['Product', meta.product],
      ['Version', `v${meta.version}`],
      ['Last updated', meta.updated],
      ['Effective', meta.effective],
      ['Published at', web(meta.url)],
      ['Security contact', mail(meta.contacts.security)],
      ...(meta.contacts.support ? [['Support and credit claims', mail(meta.contacts.support)] as const] : []),
      ...(meta.contacts.security_policy_url ? [['Vulnerability disclosure', web(meta.contacts.security_policy_url)] as const] : []),
    ]);
  },

  uptime(doc, { uptime }) {
    paragraph(doc, `Availability target: ${percent(uptime.target_percent)} per ${windowName[uptime.window]}.`);
    facts(
      doc,
      periods.map((p) => [`Allowed downtime ${p.label}`, formatDuration(allowedDowntimeSeconds(uptime.target_percent, p.seconds))] as const),
    );
    subheading(doc, 'Scope');
    paragraph(doc, uptime.scope);
    subheading(doc, 'Measurement');
    paragraph(doc, uptime.measurement);
    if (uptime.exclusions.length > 0) {
      subheading(doc, 'Exclusions');
      bullets(doc, uptime.exclusions.map((e) => ({ text: e.text })));
    }
  },

  // The words and figures of the page's LatencyTable: committed objectives beside the measured added time.
  latency(doc, policy, { measurement }) {
    const { latency } = policy;
    const scope = latencyScopeFact(policy);
    paragraph(doc, `${scope.label}: ${scope.text} ${latency.statement}`);
    const byOperation = measurement ? measuredByOperation(measurement.measurement) : {};
    const measured = (p: MeasuredPercentiles | undefined) => (p ? `${formatValue('p50_ms', p.p50_ms)} / ${formatValue('p95_ms', p.p95_ms)} / ${formatValue('p99_ms', p.p99_ms)}` : 'not measured');
    table(
      doc,
      [
        { header: 'Operation', width: 0.2, face: 'mono' },
        { header: 'What it covers', width: 0.24 },
        { header: 'P50', width: 0.08, align: 'right' },
        { header: 'P95', width: 0.08, align: 'right' },
        { header: 'P99', width: 0.08, align: 'right' },
        // Wide enough for "0.123 ms / 0.456 ms / 0.789 ms" on one line.
        { header: 'Measured P50 / P95 / P99', width: 0.32 },
      ],
      latency.objectives.map((o) => [
        o.operation,
        o.description,
        formatValue('p50_ms', o.p50_ms),
        formatValue('p95_ms', o.p95_ms),
        formatValue('p99_ms', o.p99_ms),
        measured(byOperation[o.operation]),
      ]),
    );
    doc.moveDown(0.4);
    paragraph(doc, measurement ? `${MEASURED_WHAT} ${provenanceSentence(measurement)}` : 'No measurement was published with this version.');
  },

  auth(doc, policy) {
    const { auth } = policy;
    paragraph(doc, auth.statement);
    facts(doc, rows(authFacts(policy)));
    if (auth.sample_provisioning_payload) codeBlock(doc, 'Sample provisioning request (JSON)', JSON.stringify(auth.sample_provisioning_payload, null, 2));
  },

  rbac(doc, policy) {
    const { rbac } = policy;
    paragraph(doc, rbac.statement);
    table(doc, [{ header: 'Role', width: 0.25 }, { header: 'May', width: 0.75 }], rbac.roles.map((r) => [r.name, r.description]));
    facts(doc, rows(rbacFacts(policy)));
  },

  'rate-limits'(doc, policy) {
    const limits = policy['rate-limits'];
    paragraph(doc, limits.statement);
    facts(doc, rows(rateLimitFacts(policy)));
    const sample = sampleRateLimitResponse(limits);
    if (sample) codeBlock(doc, `Sample ${limits.status} response (illustrative figures)`, formatHttpResponse(sample));
  },

  retention(doc, policy) {
    facts(doc, rows(retentionFacts(policy)));
    paragraph(doc, policy.retention.payloads.statement);
  },

  subprocessors(doc, { subprocessors }) {
    facts(doc, [['Notice before a new sub-processor processes customer data', plural(subprocessors.notice_days, 'day')]]);
    table(
      doc,
      [
        { header: 'Sub-processor', width: 0.22 },
        { header: 'Purpose', width: 0.27 },
        { header: 'Location', width: 0.14 },
        { header: 'Since', width: 0.13 },
        { header: 'Details', width: 0.24 },
      ],
      subprocessors.entries.map((e) => [e.name, e.purpose, e.location.join(', '), e.since ?? '—', web(e.url)]),
    );
  },

  compliance(doc, policy) {
    const { compliance } = policy;
    paragraph(doc, compliance.statement);
    table(
      doc,
      [
        { header: 'Certification', width: 0.2 },
        { header: 'Status', width: 0.12 },
        { header: 'Scope', width: 0.3 },
        { header: 'Issued', width: 0.13 },
        { header: 'Report', width: 0.25 },
      ],
      compliance.certifications.map((c) => {
        const report = reportAvailabilityText[c.report];
        return [c.name, certificationStatusText[c.status], c.scope, c.issued ?? '—', c.url ? { text: `${report}: ${c.url}`, link: c.url } : report];
      }),
    );
    const deployments = deploymentFacts(policy);
    if (deployments.length > 0) {
      subheading(doc, 'Deployment models and compliance');
      facts(doc, rows(deployments));
    }
  },

  incidents(doc, { incidents }) {
    facts(doc, [
      ['Personal-data breach notification', `within ${plural(incidents.breach_notification_hours, 'hour')}`],
      ['Status page', web(incidents.status_page)],
      ['Written post-mortem for major incidents', `within ${plural(incidents.postmortem_days, 'business day')}`],
    ]);
    if (incidents.severities.length > 0) {
      table(
        doc,
        [
          { header: 'Severity', width: 0.18 },
          { header: 'What qualifies', width: 0.46 },
          { header: 'First response', width: 0.18 },
          { header: 'Updates every', width: 0.18 },
        ],
        incidents.severities.map((s) => [`${s.name} (${s.id})`, s.description, formatMinutes(s.first_response_minutes), formatMinutes(s.update_interval_minutes)]),
      );
    }
  },

  credits(doc, { credits, uptime }) {
    paragraph(doc, `When availability in a ${windowName[uptime.window]} falls below the target of ${percent(uptime.target_percent)}, the customer receives a service credit on ${credits.basis}:`);
    table(
      doc,
      [{ header: `Availability in the ${windowName[uptime.window]} below`, width: 0.6 }, { header: 'Credit', width: 0.4, align: 'right' }],
      credits.tiers.map((t) => [percent(t.below_percent), percent(t.credit_percent)]),
    );
    facts(doc, [
      ['Claim window', `${plural(credits.claim_window_days, 'day')} after the ${windowName[uptime.window]} ends`],
      ['Maximum credit per period', percent(credits.max_credit_percent)],
    ]);
    subheading(doc, 'How to claim');
    paragraph(doc, credits.claim_process);
  },

  changes(doc, policy) {
    facts(doc, rows(changesFacts(policy)));
    linkLine(doc, 'Every version and its changelog', web(policy.meta.url));
  },
};

/** Draws every section under its heading, in the order and with the titles of the page. */
export function renderSections(doc: Doc, policy: Policy, extras: SectionExtras): void {
  for (const section of sections) {
    const render = renderers[section.id];
    if (!render) throw new Error(`no PDF renderer for section ${section.id}`);
    if (section.id !== 'summary') doc.moveDown(0.4);
    sectionHeading(doc, section);
    render(doc, policy, extras);
    renderClaimEvidence(doc, section.kind, policy, extras.evidence);
  }
}
