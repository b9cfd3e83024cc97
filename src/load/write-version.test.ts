import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_DIR, BASE_VERSION } from '../../tests/fixtures/invalid/corpus.ts';
import type { Policy } from '../model/policy.ts';
import { loadVersion } from './load-version.ts';
import { writeVersion } from './write-version.ts';

const work = mkdtempSync(join(tmpdir(), 'slapage-property-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const base = loadVersion(BASE_DIR, BASE_VERSION).loaded!;

/** Prose a PM could type: any printable text, including quotes, colons, #, markup and non-Latin letters. */
const prose = fc
  .string({ unit: fc.oneof(fc.constantFrom(...'"\'#:&*!|>-%@`{}[],<>/\\ '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('é', 'ß', 'Ж', '中', 'ש', '😀')), minLength: 1, maxLength: 60 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/.test(s) && (s.match(/[.!?](\s|$)/g) ?? []).length <= 2);

const latency = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })).map(([p50, d95, d99]) => ({ p50_ms: p50, p95_ms: p50 + d95, p99_ms: p50 + d95 + d99 }));

/** A valid policy: the base with generated values wherever the format allows them to vary. */
const policies = fc
  .record({
    target: fc.integer({ min: 9000, max: 9999 }).map((n) => n / 100),
    steps: fc.uniqueArray(fc.integer({ min: 1, max: 8999 }), { minLength: 1, maxLength: 4 }),
    credits: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 }),
    latencies: fc.array(latency, { minLength: base.policy.latency.objectives!.length, maxLength: base.policy.latency.objectives!.length }),
    summary: prose,
    product: prose,
    names: fc.uniqueArray(prose, { minLength: 1, maxLength: 4 }),
    retained: fc.boolean(),
    days: fc.integer({ min: 0, max: 3650 }),
  })
  .map((v): Policy => {
    const policy = structuredClone(base.policy);
    policy.meta = { ...policy.meta, summary: v.summary, product: v.product };
    policy.uptime.target_percent = v.target;
    // Thresholds strictly falling from the target, credits strictly rising, all within the cap.
    const thresholds = [v.target, ...[...v.steps].sort((a, b) => b - a).map((n) => n / 100).filter((n) => n < v.target)];
    const credits = [...v.credits].sort((a, b) => a - b);
    policy.credits.tiers = thresholds.map((below, i) => ({ below_percent: below, credit_percent: credits[i]! }));
    policy.credits.max_credit_percent = 100;
    policy.latency.objectives = policy.latency.objectives!.map((o, i) => ({ ...o, ...v.latencies[i]! }));
    policy.subprocessors.entries = v.names.map((name, i) => ({ ...policy.subprocessors.entries[i % policy.subprocessors.entries.length]!, name }));
    policy.retention.payloads.retained = v.retained;
    policy.retention.metadata.retention_days = v.days;
    return policy;
  });

describe('property: generated valid policies load with no problems', () => {
  it('writing any valid policy and loading it back gives no problems and the same values', () => {
    let run = 0;
    fc.assert(
      fc.property(policies, (policy) => {
        const dir = join(work, String(run++), BASE_VERSION);
        writeVersion(dir, policy, base.nda);
        const { loaded, problems } = loadVersion(dir, BASE_VERSION);
        expect(problems).toEqual([]);
        expect(loaded?.policy).toEqual(policy);
        expect(loaded?.nda).toEqual(base.nda);
      }),
      { numRuns: 60, seed: 20260515 },
    );
  });
});
