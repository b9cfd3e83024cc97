/**
 * The engine's own section prose, generic for every vendor: Markdown citing values and the engine's parts by name
 * (src/document/parts.ts). A project replaces a section's prose with content/sections/<anchor>.mdx in the same form.
 */
import type { ProseSource } from './prose.ts';

const prose: Readonly<Record<string, string>> = {
  summary: `
<p class="lead"><Value path="meta.summary" /></p>

These commitments are made by <Value path="meta.company" /> and take effect on <Value path="meta.effective" />.

<AtAGlance />

<OutputLinks show="pdf json changelog" />
`,
  uptime: `
Availability target: **<Value path="uptime.target_percent" />** per <Value path="uptime.window" />.

**Scope.** <Value path="uptime.scope" />

**How availability is measured.** <Value path="uptime.measurement" />

<DowntimeTable />

<Exclusions />
`,
  latency: `
**Scope.** <LatencyScope /> <Value path="latency.statement" />

<LatencyTable />
`,
  auth: `
<Value path="auth.statement" />

<Facts />

<ProvisioningSample />
`,
  rbac: `
<Value path="rbac.statement" />

<RolesTable />

<Facts />
`,
  'rate-limits': `
> <Value path="rate-limits.statement" />

<Facts />

<RateLimitSample />
`,
  retention: `
<p class="lead"><Value path="retention.payloads.statement" /></p>

<Facts />
`,
  subprocessors: `
**Notice before a new sub-processor processes customer data:** <Value path="subprocessors.notice_days" />.

<SubprocessorsTable />

<OutputLinks show="subprocessorsFeed" />
`,
  compliance: `
<Value path="compliance.statement" />

<CertificationsTable />

<Agreements />

<DeploymentModels />
`,
  incidents: `
- **Breach notification:** customers are notified of a personal-data breach within <Value path="incidents.breach_notification_hours" />.
- **Status page:** <ExternalLink path="incidents.status_page" />
- **Post-mortem:** a written post-mortem for a major incident within <Value path="incidents.postmortem_days" /> (business days).

<SeveritiesTable />
`,
  credits: `
When uptime in a <Value path="uptime.window" /> falls below a tier, the credit is a share of <Value path="credits.basis" />.

<CreditTiers />

- **Claim window:** <Value path="credits.claim_window_days" /> after the <Value path="uptime.window" /> ends.
- **Cap:** credits per <Value path="uptime.window" /> never exceed <Value path="credits.max_credit_percent" /> of the basis.
- **How to claim:** <Value path="credits.claim_process" />
`,
  changes: `
<Facts />

<OutputLinks show="changelog changelogFeed" />
`,
};

/** The engine's prose of a section. */
export function defaultProse(id: string): ProseSource {
  const text = prose[id];
  if (text === undefined) throw new Error(`no engine prose for section #${id}`);
  return { file: `engine:${id}`, text };
}
