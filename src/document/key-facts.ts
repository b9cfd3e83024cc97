/**
 * The page's key facts at a glance: a few figures a buyer compares first (uptime target, P99 latency, retention,
 * certifications, sub-processors, version), each linking to the section that states it. Worded here with
 * src/model/units.ts from the policy (and the version's measurement); a fact whose key the vendor did not state gives
 * no card. Pure and deterministic.
 */
import { formatValue, percent, plural } from '../model/units.ts';
import type { Policy } from '../model/policy.ts';
import { measuredByOperation, type PublishedMeasurement } from './measured-latency.ts';

export interface KeyFact {
  /** What the figure is ("Uptime target"). */
  readonly label: string;
  /** The figure, short enough for a card ("99.95%"). */
  readonly value: string;
  /** One line of context ("per calendar month"). */
  readonly note?: string;
  /** The section anchor that states it ("#uptime"). */
  readonly href: string;
  /** The policy path the figure states. */
  readonly source: string;
}

// Policy keys may become optional in later format versions: read each through this, never assume it.
type Loose<T> = { readonly [K in keyof T]?: T[K] | undefined };

export function keyFacts(policy: Policy, measurement?: PublishedMeasurement): KeyFact[] {
  const facts: KeyFact[] = [];
  const add = (fact: KeyFact | undefined) => fact && facts.push(fact);
  const uptime = policy.uptime as Loose<Policy['uptime']> | undefined;
  const latency = policy.latency as Loose<Policy['latency']> | undefined;
  const retention = policy.retention as Loose<Policy['retention']> | undefined;
  const compliance = policy.compliance as Loose<Policy['compliance']> | undefined;
  const subprocessors = policy.subprocessors as Loose<Policy['subprocessors']> | undefined;
  const meta = policy.meta;

  if (uptime?.target_percent !== undefined) {
    add({ label: 'Uptime target', value: percent(uptime.target_percent), ...(uptime.window ? { note: `per ${formatValue('window', uptime.window)}` } : {}), href: '#uptime', source: 'uptime.target_percent' });
  }

  const objectives = latency?.objectives ?? [];
  if (objectives.length > 0) {
    // The slowest operation's objective is the one a buyer can rely on for every operation.
    const worst = objectives.reduce((a, b) => (b.p99_ms > a.p99_ms ? b : a));
    const measured = measurement ? measuredByOperation(measurement.measurement) : {};
    const measuredWorst = objectives.flatMap((o) => (measured[o.operation] ? [measured[o.operation]!.p99_ms] : [])).reduce((a, b) => Math.max(a, b), -Infinity);
    add({
      label: 'P99 latency objective',
      value: formatValue('p99_ms', worst.p99_ms),
      note: Number.isFinite(measuredWorst) ? `measured: ${formatValue('p99_ms', measuredWorst)} at most` : `at most, ${objectives.length === 1 ? objectives[0]!.operation : `across ${plural(objectives.length, 'operation')}`}`,
      href: '#latency',
      source: 'latency.objectives',
    });
  }

  const metadataDays = retention?.metadata?.retention_days;
  if (metadataDays !== undefined) {
    const payloads = retention?.payloads?.retained;
    add({ label: 'Metadata retention', value: formatValue('retention_days', metadataDays), ...(payloads === false ? { note: 'payloads never stored' } : {}), href: '#retention', source: 'retention.metadata.retention_days' });
  }

  const certifications = compliance?.certifications ?? [];
  const certified = certifications.filter((c) => c.status === 'certified');
  if (certifications.length > 0) {
    add({
      label: 'Certifications',
      value: String(certified.length),
      note: certified.length > 0 ? certified.map((c) => c.name).join(' · ') : plural(certifications.length, 'certification') + ' in progress or planned',
      href: '#compliance',
      source: 'compliance.certifications',
    });
  }

  const entries = subprocessors?.entries;
  if (entries !== undefined) add({ label: 'Sub-processors', value: String(entries.length), note: entries.length === 1 ? 'company processes data' : 'companies process data', href: '#subprocessors', source: 'subprocessors.entries' });

  add({ label: 'Version', value: `v${meta.version}`, note: `effective ${meta.effective}`, href: '#changes', source: 'meta.version' });
  return facts;
}
