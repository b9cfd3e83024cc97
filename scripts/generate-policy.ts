/**
 * Generated policy versions for benchmarks: `writeGeneratedPolicy(dir, count)` writes versions
 * 1.0 … 1.(count-1) derived from the example's latest version with varied values, all valid
 * (each gives enough notice for any change) and released, except the last with `{ draft: true }`.
 * CLI: `node scripts/generate-policy.ts DIR [COUNT]`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPolicy } from '../src/load/load-policy.ts';
import { releaseVersion } from '../src/load/release-lock.ts';
import { writeVersion } from '../src/load/write-version.ts';
import type { Policy } from '../src/model/policy.ts';
import { addDays } from '../src/model/dates.ts';

export const EXAMPLE_POLICY_DIR = resolve(import.meta.dirname, '../policy');

/** Writes `count` valid versions into `dir` (created; must not already hold versions); with `draft`, the last is left unreleased. */
export function writeGeneratedPolicy(dir: string, count: number, options: { readonly draft?: boolean } = {}): void {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive whole number, got ${count}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  const base = loadPolicy(EXAMPLE_POLICY_DIR).versions.at(-1);
  if (!base) throw new Error(`the example policy in ${EXAMPLE_POLICY_DIR} does not load: run npm run validate`);
  for (let i = 0; i < count; i++) {
    const version = `1.${i}`;
    const policy = generatedVersion(base.policy, version, i, count);
    writeVersion(resolve(dir, version), policy, base.nda);
    // Released on its publication date, as a vendor would: production builds publish released versions only.
    if (!(options.draft && i === count - 1)) releaseVersion(dir, version, policy.meta.updated);
  }
}

const UPTIME_TARGETS = [99.9, 99.95, 99.99] as const;

/** Version `index` of a series of `count`: the base policy with values varied by index; the last is dated like the base. */
export function generatedVersion(base: Policy, version: string, index: number, count: number): Policy {
  const policy = structuredClone(base);
  // Every change is then publishable: the effective date is past every notice period of the base.
  const notice = Math.max(base.changes.material_change_notice_days, base.changes.breaking_change_notice_days, base.subprocessors.notice_days);
  const updated = addDays(base.meta.updated, (index - (count - 1)) * 14);
  policy.meta = { ...policy.meta, version, updated, effective: addDays(updated, notice) };

  const target = UPTIME_TARGETS[index % UPTIME_TARGETS.length]!;
  policy.uptime.target_percent = target;
  policy.credits.tiers = policy.credits.tiers.map((tier, t) => ({ ...tier, below_percent: t === 0 ? target : tier.below_percent }));

  policy.latency.objectives = (policy.latency.objectives ?? []).map((o, n) => {
    const p50 = o.p50_ms + ((index + n) % 4);
    const p95 = Math.max(o.p95_ms, p50) + (index % 3);
    return { ...o, p50_ms: p50, p95_ms: p95, p99_ms: Math.max(o.p99_ms, p95) + (index % 5) };
  });
  policy.retention.metadata.retention_days = 30 + 15 * (index % 4);
  policy.incidents.breach_notification_hours = [24, 48, 72][index % 3]!;
  policy.subprocessors.entries = [
    ...policy.subprocessors.entries,
    ...Array.from({ length: index % 4 }, (_, k) => ({
      name: `Generated Vendor ${k + 1}, Inc.`,
      purpose: `Benchmark sub-processor ${k + 1}`,
      location: ['Ireland'],
      url: `https://vendor-${k + 1}.example/trust`,
    })),
  ];
  return policy;
}

if (import.meta.main) {
  const [dir, count = '50'] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node scripts/generate-policy.ts DIR [COUNT]\n');
    process.exit(2);
  }
  writeGeneratedPolicy(resolve(dir), Number(count));
  process.stdout.write(`wrote ${count} versions to ${dir}\n`);
}
