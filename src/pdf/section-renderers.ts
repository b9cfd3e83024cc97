/** The twelve sections of the page, in page order, drawn from the public Policy only (and the version's committed measurement, if any). */
import type { Policy } from '../model/policy.ts';
import { sections } from '../model/sections.ts';
import type { Doc } from './document.ts';
import { allowedDowntimeSeconds, formatDuration, periods } from '../site/downtime.ts';
import { formatValue } from '../model/units.ts';
import { certificationStatusText, reportAvailabilityText } from '../site/labels.ts';
import { MEASURED_WHAT, measuredByOperation, provenanceSentence, type MeasuredPercentiles, type PublishedMeasurement } from '../site/measured-latency.ts';
import { formatHttpResponse, sampleRateLimitResponse } from '../site/rate-limit-sample.ts';
import { formatMinutes, joinList, percent, plural } from './figures.ts';
import { bullets, codeBlock, facts, linkLine, paragraph, sectionHeading, subheading } from './layout.ts';
import { table } from './table.ts';

/** What a section may show besides the policy: the measurement the page's #latency shows for this version. */
export interface SectionExtras {
  readonly measurement?: PublishedMeasurement | undefined;
}

type Renderer = (doc: Doc, policy: Policy, extras: SectionExtras) => void;

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const mail = (address: string) => ({ text: address, link: `mailto:${address}` });
const web = (url: string) => ({ text: url, link: url });
const windowName = { 'calendar-month': 'calendar month', 'calendar-quarter': 'calendar quarter' } as const;

const renderers: Record<string, Renderer> = {
  summary(doc, { meta }) {
    paragraph(doc, meta.summary);
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
  latency(doc, { latency }, { measurement }) {
    paragraph(doc, latency.statement);
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

  auth(doc, { auth }) {
    paragraph(doc, auth.statement);
    facts(doc, [
      ['Token storage', auth.tokens.hashing === 'hmac-sha256' ? 'HMAC-SHA256 keyed hash; the token is shown once' : auth.tokens.hashing],
      ['Token entropy', `${auth.tokens.entropy_bits} bits`],
      ['Maximum token lifetime', plural(auth.tokens.max_lifetime_days, 'day')],
      ['Expiry enforced at', joinList(auth.tokens.expiry_enforcement)],
      ['Uniform rejection', auth.tokens.uniform_rejection ? 'Invalid, expired, revoked and unknown tokens get the same answer' : 'No'],
      ['Client tokens sent upstream', 'Never (no token passthrough)'],
    ]);
    subheading(doc, 'Tenant binding');
    paragraph(doc, auth.tokens.tenant_binding);
    subheading(doc, 'Secondary bearer authentication');
    paragraph(doc, `${auth.secondary_auth.available ? 'Available' : 'Not available'}. ${auth.secondary_auth.statement}`);
    codeBlock(doc, 'Sample provisioning request (JSON)', JSON.stringify(auth.sample_provisioning_payload, null, 2));
  },

  rbac(doc, { rbac }) {
    paragraph(doc, rbac.statement);
    table(doc, [{ header: 'Role', width: 0.25 }, { header: 'May', width: 0.75 }], rbac.roles.map((r) => [r.name, r.description]));
    subheading(doc, 'Tool filtering');
    bullets(doc, [
      { lead: 'Methods', text: rbac.filtering.methods },
      { lead: 'Tags', text: rbac.filtering.tags },
      { lead: 'Enforced on every call', text: yesNo(rbac.filtering.enforced_on_call) },
    ]);
    subheading(doc, 'Audit trail');
    paragraph(doc, rbac.audit_trail);
  },

  'rate-limits'(doc, policy) {
    const limits = policy['rate-limits'];
    paragraph(doc, limits.statement);
    facts(doc, [
      ['Policy', limits.policy === 'pass-through' ? 'Pass-through: upstream 429s are returned at once' : 'Retry within a window'],
      ['Retries by the platform', String(limits.retries)],
      ...(limits.max_retry_window_ms !== undefined ? [['Longest retry window', `${limits.max_retry_window_ms} ms`] as const] : []),
      ['HTTP status', String(limits.status)],
      ['JSON-RPC error code', String(limits.jsonrpc_error_code)],
      ['Headers', { text: limits.headers.join(', '), mono: true }],
    ]);
    codeBlock(doc, `Sample ${limits.status} response (illustrative figures)`, formatHttpResponse(sampleRateLimitResponse(limits)));
  },

  retention(doc, { retention }) {
    facts(doc, [
      ['Request and response payloads', retention.payloads.retained ? 'Retained' : 'Never stored (zero data retention)'],
      ['Metadata kept', { text: retention.metadata.fields.join(', '), mono: true }],
      ['Metadata retention', plural(retention.metadata.retention_days, 'day')],
      ['Audit log retention', plural(retention.audit_logs.retention_days, 'day')],
      ['Audit log export formats', joinList(retention.audit_logs.export_formats.map((f) => f.toUpperCase()))],
      ['Processing regions (customer’s choice)', joinList(retention.regions)],
    ]);
    paragraph(doc, retention.payloads.statement);
  },

  subprocessors(doc, { subprocessors }) {
    paragraph(doc, `Customers are notified at least ${plural(subprocessors.notice_days, 'day')} before a new sub-processor processes their data, and may object in that time.`);
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

  compliance(doc, { compliance }) {
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
      ['Claim window', `${plural(credits.claim_window_days, 'day')} after the period ends`],
      ['Maximum credit per period', percent(credits.max_credit_percent)],
    ]);
    subheading(doc, 'How to claim');
    paragraph(doc, credits.claim_process);
  },

  changes(doc, { changes, meta }) {
    facts(doc, [
      ['Notice before a weakened commitment takes effect', plural(changes.material_change_notice_days, 'day')],
      ['Notice before a breaking API change', plural(changes.breaking_change_notice_days, 'day')],
    ]);
    subheading(doc, 'Deprecations');
    paragraph(doc, changes.deprecation_policy);
    linkLine(doc, 'Every version and its changelog', web(meta.url));
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
  }
}
