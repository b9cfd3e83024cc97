/**
 * The engine's building blocks that prose cites by name (<DowntimeTable />, <Facts />, <Value path="…" />): each
 * derives its figures from the policy and words them with src/model/units.ts, once for the page and the PDF.
 */
import type { Policy } from '../model/policy.ts';
import { answers, NOT_STATED } from '../model/procurement.ts';
import { sections } from '../model/sections.ts';
import { formatValue, amount, date, duration, list, percent } from '../model/units.ts';
import { value, text, strong, link, type Block, type Inline } from './blocks.ts';
import { workedExample } from './credit-example.ts';
import { allowedDowntimeSeconds, periods } from './downtime.ts';
import { authFacts, changesFacts, deploymentFacts, latencyScopeFact, rateLimitFacts, rbacFacts, retentionFacts, type Fact } from './facts.ts';
import { certificationStatusText, reportAvailabilityText } from './labels.ts';
import { MEASURED_WHAT, measuredByOperation, provenanceSentence, type PublishedMeasurement } from './measured-latency.ts';
import { formatHttpResponse, sampleRateLimitResponse } from './rate-limit-sample.ts';
import { valueAt } from './value-at.ts';
import { uptimeHistoryBlocks, type PublishedUptime } from './uptime-history.ts';

/** Links of the version's other outputs on the page (site paths); the PDF has none (it cannot carry its own hash). */
export interface PageLinks {
  readonly pdf?: string;
  readonly pdfSha256?: string;
  readonly json?: string;
  readonly changelog?: string;
  readonly changelogFeed?: string;
  readonly subprocessorsFeed?: string;
}

/** What a section's parts are derived from. */
export interface PartContext {
  readonly section: string;
  readonly policy: Policy;
  readonly measurement?: PublishedMeasurement | undefined;
  readonly links?: PageLinks | undefined;
  /** Measured availability (content/uptime/) the version's #uptime shows, if any. */
  readonly uptime?: PublishedUptime | undefined;
}

/** Attributes as written in the prose: strings only (expressions are never evaluated). */
export type Attributes = Readonly<Record<string, string>>;

/** A block part; throws an Error whose message is shown at the prose's location. */
export type BlockPart = (context: PartContext, attributes: Attributes) => Block[];
/** An inline part: runs inside a sentence. */
export type InlinePart = (context: PartContext, attributes: Attributes, children: readonly Inline[]) => Inline[];

const factRuns = (f: Fact): Inline[] => [value(f.text, f.source, f.mono)];
const definitions = (facts: readonly Fact[]): Block[] => (facts.length > 0 ? [{ type: 'definitions', items: facts.map((f) => ({ term: f.label, runs: factRuns(f), source: f.source })) }] : []);
const key = (path: string) => path.split('.').at(-1) ?? path;
const cite = (policy: Policy, path: string): Inline => value(formatValue(key(path), valueAt(policy, path)), path);
const cell = (worded: string): Inline[] => [value(worded)];
const words = (plain: string): Inline[] => [text(plain)];

const factsOf: Readonly<Record<string, (policy: Policy) => Fact[]>> = {
  auth: authFacts,
  rbac: rbacFacts,
  'rate-limits': rateLimitFacts,
  retention: retentionFacts,
  changes: changesFacts,
  deployment: deploymentFacts,
};

const outputLabels = {
  pdf: 'PDF for your MSA',
  json: 'Machine-readable JSON',
  changelog: 'Changelog',
  changelogFeed: 'Changelog feed (Atom)',
  subprocessorsFeed: 'Sub-processor updates (Atom)',
} as const;
type Output = keyof typeof outputLabels;

export const blockParts: Readonly<Record<string, BlockPart>> = {
  Facts({ section, policy }, { of = section }) {
    const facts = factsOf[of];
    if (!facts) throw new Error(`<Facts of="${of}"> names no facts: use one of ${Object.keys(factsOf).join(', ')}`);
    return definitions(facts(policy));
  },

  DeploymentModels({ policy }) {
    const facts = deploymentFacts(policy);
    return facts.length > 0 ? [{ type: 'heading', text: 'Deployment models and compliance' }, ...definitions(facts)] : [];
  },

  AtAGlance({ policy }) {
    // Every question, answered or not: an open one reads "Not stated", so procurement sees the gap rather than nothing.
    const answered = answers(policy);
    return [
      { type: 'heading', text: 'At a glance', id: 'at-a-glance' },
      {
        type: 'list',
        ordered: false,
        style: 'at-a-glance',
        items: answered.map(({ question, answer }) => [
          link(`#${sectionId(question.section)}`, text(question.question)),
          text(': '),
          answer === undefined ? { kind: 'secondary', runs: [text(`${NOT_STATED}.`)] } : value(answer, `${question.kind}.${question.key.join('.')}`),
        ]),
      },
    ];
  },

  OutputLinks({ links }, { show = 'pdf json changelog' }) {
    if (!links) return [];
    const wanted = show.split(/\s+/).filter(Boolean);
    for (const name of wanted) if (!(name in outputLabels)) throw new Error(`<OutputLinks show="${show}">: no output "${name}"; use ${Object.keys(outputLabels).join(', ')}`);
    const items = (wanted as Output[]).flatMap((name): Inline[][] => {
      const href = links[name];
      if (!href) return [];
      const sha = name === 'pdf' && links.pdfSha256 ? [text(' '), { kind: 'secondary', runs: [text('SHA-256 '), { kind: 'code', text: links.pdfSha256 }] } as Inline] : [];
      return [[link(href, text(outputLabels[name])), ...sha]];
    });
    // The page's links to its own editions: the PDF cannot link to itself with its own hash.
    return items.length > 0 ? [{ type: 'list', ordered: false, style: 'output-links', only: 'page', items }] : [];
  },

  DowntimeTable({ policy: { uptime } }) {
    return [
      {
        type: 'table',
        caption: `Downtime allowed by a ${percent(uptime.target_percent)} target`,
        columns: [
          { header: 'Period', width: 0.5 },
          { header: 'Allowed downtime', numeric: true, width: 0.5 },
        ],
        rows: periods.map((period) => [words(period.label), cell(duration(allowedDowntimeSeconds(uptime.target_percent, period.seconds)))]),
      },
    ];
  },

  Exclusions({ policy: { uptime } }) {
    if (uptime.exclusions.length === 0) return [];
    return [
      { type: 'paragraph', runs: [strong(text('Exclusions.')), text(' These events do not count as downtime:')] },
      { type: 'list', ordered: false, style: 'exclusions', items: uptime.exclusions.map((e) => [value(e.text, `uptime.exclusions[id=${e.id}]`)]) },
    ];
  },

  UptimeHistory({ uptime }) {
    return uptimeHistoryBlocks(uptime);
  },

  LatencyTable({ policy: { latency }, measurement }) {
    const caption =
      latency.scope === 'gateway-overhead' ? 'Committed latency per operation: the time the platform adds' : latency.scope === 'end-to-end' ? 'Committed end-to-end latency per operation' : 'Committed latency per operation';
    const byOperation = measurement ? measuredByOperation(measurement.measurement) : {};
    const provenance: Block = {
      type: 'paragraph',
      style: 'provenance',
      runs: measurement ? [text(`${MEASURED_WHAT} `), value(provenanceSentence(measurement))] : [text('Not measured yet: no measurement was published with this version.')],
    };
    // No objectives stated: nothing is committed, so the table shows measured figures only (or nothing at all).
    if (!latency.objectives) {
      const rows = Object.entries(byOperation).map(([operation, m]) => [[value(operation, undefined, true)], cell(formatValue('p50_ms', m.p50_ms)), cell(formatValue('p95_ms', m.p95_ms)), cell(formatValue('p99_ms', m.p99_ms))]);
      return [
        { type: 'paragraph', runs: [text('No latency objective is committed in this version.')] },
        ...(rows.length > 0
          ? [
              {
                type: 'table' as const,
                caption: 'Measured latency per operation (no objective committed)',
                columns: [
                  { header: 'Operation', mono: true, width: 0.4 },
                  { header: 'Measured P50', numeric: true, width: 0.2 },
                  { header: 'Measured P95', numeric: true, width: 0.2 },
                  { header: 'Measured P99', numeric: true, width: 0.2 },
                ],
                rows,
              },
            ]
          : []),
        provenance,
      ];
    }
    return [
      {
        type: 'table',
        caption,
        columns: [
          { header: 'Operation', mono: true, width: 0.2 },
          { header: 'What it covers', width: 0.24 },
          { header: 'P50', numeric: true, width: 0.08 },
          { header: 'P95', numeric: true, width: 0.08 },
          { header: 'P99', numeric: true, width: 0.08 },
          // Wide enough in the PDF for "0.123 ms / 0.456 ms / 0.789 ms" on one line.
          { header: 'Measured P50 / P95 / P99', width: 0.32 },
        ],
        rows: latency.objectives.map((o) => {
          const m = byOperation[o.operation];
          return [
            [value(o.operation, undefined, true)],
            [value(o.description)],
            cell(formatValue('p50_ms', o.p50_ms)),
            cell(formatValue('p95_ms', o.p95_ms)),
            cell(formatValue('p99_ms', o.p99_ms)),
            cell(m ? `${formatValue('p50_ms', m.p50_ms)} / ${formatValue('p95_ms', m.p95_ms)} / ${formatValue('p99_ms', m.p99_ms)}` : 'not measured'),
          ];
        }),
      },
      provenance,
    ];
  },

  RolesTable({ policy: { rbac } }) {
    return [
      {
        type: 'table',
        caption: 'Roles',
        columns: [
          { header: 'Role', width: 0.25 },
          { header: 'May', width: 0.75 },
        ],
        rows: rbac.roles.map((r) => [cell(r.name), cell(r.description)]),
      },
    ];
  },

  SeveritiesTable({ policy: { incidents } }) {
    if (incidents.severities.length === 0) return [];
    return [
      {
        type: 'table',
        caption: 'Incident response targets',
        columns: [
          { header: 'Severity', width: 0.18 },
          { header: 'What qualifies', width: 0.46 },
          { header: 'First response', numeric: true, width: 0.18 },
          { header: 'Status updates every', numeric: true, width: 0.18 },
        ],
        rows: incidents.severities.map((s) => [
          cell(s.name),
          cell(s.description),
          cell(formatValue('first_response_minutes', s.first_response_minutes)),
          cell(formatValue('update_interval_minutes', s.update_interval_minutes)),
        ]),
      },
    ];
  },

  SubprocessorsTable({ policy: { subprocessors } }) {
    return [
      {
        type: 'table',
        caption: 'Sub-processors',
        columns: [
          { header: 'Name', width: 0.3 },
          { header: 'Purpose', width: 0.32 },
          { header: 'Location', width: 0.22 },
          { header: 'Since', width: 0.16 },
        ],
        rows: subprocessors.entries.map((e) => [[link(e.url, value(e.name))], cell(e.purpose), cell(list(e.location)), cell(e.since ?? '—')]),
      },
    ];
  },

  CertificationsTable({ policy: { compliance } }) {
    if (compliance.certifications.length === 0) return [];
    return [
      {
        type: 'table',
        caption: 'Certifications and attestations',
        columns: [
          { header: 'Name', width: 0.22 },
          { header: 'Status', width: 0.14 },
          { header: 'Scope', width: 0.32 },
          { header: 'Issued', width: 0.14 },
          { header: 'Report', width: 0.18 },
        ],
        rows: compliance.certifications.map((c) => [
          c.url ? [link(c.url, value(c.name))] : cell(c.name),
          cell(c.expected ? `${certificationStatusText[c.status]} (expected by ${date(c.expected)})` : certificationStatusText[c.status]),
          cell(c.scope ?? '—'),
          cell(c.issued ?? '—'),
          cell(reportAvailabilityText[c.report]),
        ]),
      },
    ];
  },

  Agreements({ policy: { compliance } }) {
    const agreements = compliance.agreements ?? [];
    if (agreements.length === 0) return [];
    return [
      {
        type: 'table',
        caption: 'Agreements customers can sign',
        columns: [
          { header: 'Agreement', width: 0.4 },
          { header: 'How to get it', width: 0.6 },
        ],
        rows: agreements.map((a) => {
          const source = `compliance.agreements[name=${a.name}]`;
          const how: Inline[] = [...(a.url ? [link(a.url, value(a.url, source))] : []), ...(a.url && a.request ? [text(' · ')] : []), ...(a.request ? [value(a.request, source)] : [])];
          return [cell(a.name), how.length > 0 ? how : cell('Not stated')];
        }),
      },
    ];
  },

  CreditTiers({ policy: { credits } }) {
    const rows = credits.tiers.map((tier, i) => {
      const next = credits.tiers[i + 1];
      const range = next ? `below ${percent(tier.below_percent)}, at or above ${percent(next.below_percent)}` : `below ${percent(tier.below_percent)}`;
      return [cell(range), cell(percent(Math.min(tier.credit_percent, credits.max_credit_percent)))];
    });
    const example = workedExample(credits);
    const month = periods[0];
    const downtime = duration(allowedDowntimeSeconds(example.uptime_percent, month.seconds));
    const notBelow = example.next_below_percent === undefined ? '' : ` but not below ${percent(example.next_below_percent)}`;
    return [
      {
        type: 'table',
        caption: 'Service credit tiers (monthly uptime, credit as a share of the basis)',
        columns: [
          { header: 'Monthly uptime', width: 0.6 },
          { header: 'Credit', numeric: true, width: 0.4 },
        ],
        rows,
      },
      {
        type: 'paragraph',
        style: 'worked-example',
        runs: [
          strong(text('Worked example.')),
          text(' '),
          value(
            `A month with ${percent(example.uptime_percent)} measured uptime (about ${downtime} of downtime ${month.label}) is below ${percent(example.tier.below_percent)}${notBelow}, so the credit is ${percent(example.credit_percent)} of ${credits.basis}: on fees of ${amount(example.fee)}, a credit of ${amount(example.credit_amount)}.`,
          ),
        ],
      },
    ];
  },

  RateLimitSample({ policy }) {
    const limits = policy['rate-limits'];
    const sample = sampleRateLimitResponse(limits);
    return sample ? [{ type: 'figure', caption: `Sample rate-limited response (HTTP ${limits.status}, illustrative figures)`, code: formatHttpResponse(sample) }] : [];
  },

  ProvisioningSample({ policy: { auth } }) {
    return auth.sample_provisioning_payload ? [{ type: 'figure', caption: 'Sample provisioning request (JSON)', code: JSON.stringify(auth.sample_provisioning_payload, null, 2) }] : [];
  },
};

export const inlineParts: Readonly<Record<string, InlinePart>> = {
  Value({ policy }, { path }) {
    if (!path) throw new Error('<Value> needs a path, e.g. <Value path="uptime.target_percent" />');
    return [cite(policy, path)];
  },

  /** href="https://…", or path="incidents.status_page" to link a URL the policy states. */
  ExternalLink({ policy }, { href, path }, children) {
    const url = path ? String(valueAt(policy, path)) : href;
    if (!url) throw new Error('<ExternalLink> needs an href or a path');
    return [link(url, ...(children.length > 0 ? children : [value(url, path)]))];
  },

  LatencyScope({ policy }) {
    const fact = latencyScopeFact(policy);
    return [value(fact.text, fact.source)];
  },

};

function sectionId(id: string): string {
  if (!sections.some((s) => s.id === id)) throw new Error(`no section #${id}`);
  return id;
}
