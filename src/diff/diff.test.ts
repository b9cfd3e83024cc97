import fc from 'fast-check';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicKinds, publicSchemas, type Policy } from '../model/policy.ts';
import { validatePolicy } from '../validate/validate.ts';
import { flip, type Change } from './change.ts';
import { diffPolicies } from './diff.ts';
import { directions } from './directions.ts';
import { shapeOf, type Shape } from './schema-walk.ts';

const example = validatePolicy(resolve(import.meta.dirname, '../../policy'), { today: '2026-05-15' });
const [v30, v31, v32] = example.versions.map((v) => v.policy) as [Policy, Policy, Policy];

/** A copy of `base` with `edit` applied. */
function edited(base: Policy, edit: (p: Policy) => void): Policy {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

const brief = (changes: readonly Change[]) => changes.map((c) => `${c.direction}${c.material ? ' (material)' : ''}: ${c.summary}`);
const one = (from: Policy, to: Policy) => {
  const changes = diffPolicies(from, to);
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe('diffPolicies on the example policy', () => {
  it('lists every change from 3.0 to 3.1', () => {
    expect(brief(diffPolicies(v30, v31))).toMatchInlineSnapshot(`
      [
        "stronger: Uptime target raised from 99.9% to 99.95%",
        "neutral: Uptime measurement reworded",
        "stronger: p95 latency objective for tools/call lowered from 15 ms to 12 ms",
        "stronger: p99 latency objective for tools/call lowered from 30 ms to 20 ms",
        "stronger: p95 latency objective for rate-limit-passthrough lowered from 15 ms to 12 ms",
        "stronger: p99 latency objective for rate-limit-passthrough lowered from 30 ms to 25 ms",
        "stronger: Metadata retention lowered from 90 days to 30 days",
        "stronger: Credit tier added: 10% credit when uptime is below 99.95% (no credit there before)",
        "stronger: Credit tier added: 100% credit when uptime is below 90% (was 50% there)",
        "neutral: Credit tier removed: 10% credit when uptime is below 99.9% (now 10% there)",
        "weaker (material): Credit claim window lowered from 60 days to 30 days",
        "stronger: Credit cap raised from 50% to 100%",
      ]
    `);
  });

  it('lists every change from 3.1 to 3.2', () => {
    expect(brief(diffPolicies(v31, v32))).toMatchInlineSnapshot(`
      [
        "stronger: p50 latency objective for tools/call lowered from 5 ms to 4 ms",
        "stronger: p95 latency objective for tools/call lowered from 12 ms to 10 ms",
        "stronger: p50 latency objective for rate-limit-passthrough lowered from 5 ms to 4 ms",
        "stronger: p95 latency objective for rate-limit-passthrough lowered from 12 ms to 10 ms",
        "stronger: p99 latency objective for rate-limit-passthrough lowered from 25 ms to 20 ms",
        "stronger: Rate-limit header added: ratelimit-policy",
        "stronger: Rate-limit header added: ratelimit",
        "neutral: Rate-limit statement reworded",
        "weaker (material): Sub-processor added: Signalpost Observability AB",
        "neutral: Report date of SOC 2 Type II changed from 2025-02-27 to 2026-02-28",
        "stronger: Status of ISO/IEC 27001:2022 changed from in-progress to certified",
        "neutral: Report date of ISO/IEC 27001:2022 added: 2026-04-02",
        "stronger: Report availability of ISO/IEC 27001:2022 changed from none to on-request",
        "stronger: Breach notification time lowered from 72 hours to 48 hours",
      ]
    `);
  });

  it('records section, path, values and the location in the newer file', () => {
    const added = diffPolicies(v31, v32).find((c) => c.kind === 'added' && c.section === 'subprocessors')!;
    expect({ ...added, to: (added.to as { name: string }).name }).toEqual({
      section: 'subprocessors',
      path: 'subprocessors.entries[name=Signalpost Observability AB]',
      kind: 'added',
      from: null,
      to: 'Signalpost Observability AB',
      direction: 'weaker',
      material: true,
      summary: 'Sub-processor added: Signalpost Observability AB',
      at: ['subprocessors', 'entries', 3],
    });
    expect(diffPolicies(v30, v31)[0]).toMatchObject({ section: 'uptime', path: 'uptime.target_percent', kind: 'changed', from: 99.9, to: 99.95, at: ['uptime', 'target_percent'] });
  });

  it('uses the summary anchor for meta.yaml and ignores version bookkeeping', () => {
    expect(one(v32, edited(v32, (p) => (p.meta.summary = 'Shorter.')))).toMatchObject({ section: 'summary', direction: 'neutral', summary: 'Summary reworded' });
    expect(diffPolicies(v31, edited(v31, (p) => Object.assign(p.meta, { version: '9.9', updated: '2030-01-01', effective: '2030-02-01' })))).toEqual([]);
  });
});

describe('directions per kind of rule', () => {
  const cases: [string, (p: Policy) => void, Partial<Change>][] = [
    ['higher is stronger, lowered', (p) => (p.uptime.target_percent = 99.9), { kind: 'changed', direction: 'weaker', material: true, summary: 'Uptime target lowered from 99.95% to 99.9%' }],
    ['higher is stronger, raised', (p) => (p.changes.material_change_notice_days = 60), { direction: 'stronger', material: false, summary: 'Notice for material changes raised from 30 days to 60 days' }],
    ['lower is stronger, raised', (p) => (p.latency.objectives![0]!.p99_ms = 50), { direction: 'weaker', path: 'latency.objectives[operation=tools/list].p99_ms', at: ['latency', 'objectives', 0, 'p99_ms'] }],
    ['retry policy introduced', (p) => (p['rate-limits'].policy = 'retry'), { direction: 'weaker', summary: 'Rate-limit policy changed from pass-through to retry' }],
    ['retries introduced', (p) => (p['rate-limits'].retries = 2), { direction: 'weaker', summary: 'Retries after an upstream 429 raised from 0 to 2' }],
    ['boolean, payloads retained', (p) => (p.retention.payloads.retained = true), { direction: 'weaker', summary: 'Payload retention changed from no to yes' }],
    ['boolean, preferred value', (p) => (p.auth.secondary_auth!.available = false), { direction: 'weaker', summary: 'Secondary bearer authentication changed from yes to no' }],
    ['rank, quarter window', (p) => (p.uptime.window = 'calendar-quarter'), { direction: 'weaker', summary: 'Uptime window changed from calendar month to calendar quarter' }],
    ['rank, report public', (p) => (p.compliance.certifications[0]!.report = 'public'), { direction: 'stronger', summary: 'Report availability of SOC 2 Type II changed from under-nda to public' }],
    ['prose is neutral', (p) => (p.credits.claim_process = 'Write to us.'), { direction: 'neutral', material: false, summary: 'Credit claim process reworded' }],
    ['facts are neutral', (p) => (p.incidents.status_page = 'https://status.other.example'), { direction: 'neutral', summary: 'Status page changed from https://status.tessellate.example to https://status.other.example' }],
    ['optional value removed', (p) => delete p.meta.contacts.support, { kind: 'removed', direction: 'neutral', from: 'sla@tessellate.example', to: null, at: ['meta', 'contacts'] }],
    ['set value added, more is stronger', (p) => p.retention.audit_logs.export_formats.push('csv'), { kind: 'added', direction: 'stronger', path: 'retention.audit_logs.export_formats[csv]', at: ['retention', 'audit_logs', 'export_formats', 2] }],
    ['set value removed, more is stronger', (p) => p['rate-limits'].headers!.pop(), { kind: 'removed', direction: 'weaker', material: true, summary: 'Rate-limit header removed: ratelimit' }],
    ['set value added, fewer is stronger', (p) => p.retention.metadata.fields.push('client_ip'), { kind: 'added', direction: 'weaker', summary: 'Metadata field kept added: client_ip' }],
    ['keyed item added, weaker', (p) => p.uptime.exclusions.push({ id: 'cloud-outage', text: 'Outages of our cloud provider.' }), { kind: 'added', direction: 'weaker', summary: 'Uptime exclusion added: cloud-outage' }],
    ['keyed item removed, stronger', (p) => p.subprocessors.entries.splice(1, 1), { kind: 'removed', direction: 'stronger', material: false, summary: 'Sub-processor removed: Quillmail Ltd.', at: ['subprocessors', 'entries'] }],
    ['keyed item removed, weaker', (p) => p.latency.objectives!.pop(), { kind: 'removed', direction: 'weaker', summary: 'Latency objective removed: rate-limit-passthrough' }],
    ['field of a keyed item', (p) => p.subprocessors.entries[0]!.location.push('Germany'), { direction: 'weaker', summary: 'Processing location of sub-processor Northbeam Cloud Hosting, Inc. added: Germany' }],
    ['credit tier field', (p) => (p.credits.tiers[1]!.credit_percent = 30), { direction: 'stronger', summary: 'Credit for uptime below 99% raised from 25% to 30%' }],
    [
      'credit tier removed where the schedule now pays less',
      (p) => p.credits.tiers.splice(1, 1),
      { kind: 'removed', direction: 'weaker', material: true, summary: 'Credit tier removed: 25% credit when uptime is below 99% (now 10% there)' },
    ],
  ];
  it.each(cases)('%s', (_, edit, expected) => {
    expect(one(v32, edited(v32, edit))).toMatchObject(expected);
  });

  it('matches list items by identity, not position', () => {
    const shuffled = edited(v32, (p) => {
      p.subprocessors.entries.reverse();
      p.credits.tiers.reverse();
      p.latency.objectives!.reverse();
      p['rate-limits'].headers!.reverse();
    });
    expect(diffPolicies(v32, shuffled)).toEqual([]);
    const renamedFirst = edited(v32, (p) => {
      p.subprocessors.entries.reverse();
      p.subprocessors.entries[0]!.purpose = 'Something else';
    });
    expect(brief(diffPolicies(v32, renamedFirst))).toEqual(['neutral: Purpose of sub-processor Signalpost Observability AB reworded']);
  });
});

describe('properties', () => {
  const policyArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }).map((edits) => mutate(v32, edits));

  it('diff(a, a) is empty', () => {
    fc.assert(fc.property(policyArb, (a) => diffPolicies(a, structuredClone(a)).length === 0), { seed: 42, numRuns: 200 });
  });

  it('diff(b, a) mirrors diff(a, b) with directions flipped', () => {
    const mirrored = (c: Change) => `${c.path} ${c.kind === 'added' ? 'removed' : c.kind === 'removed' ? 'added' : 'changed'} ${flip(c.direction)} ${JSON.stringify(c.to)} -> ${JSON.stringify(c.from)}`;
    const plain = (c: Change) => `${c.path} ${c.kind} ${c.direction} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`;
    fc.assert(
      fc.property(policyArb, policyArb, (a, b) => {
        expect(diffPolicies(b, a).map(plain).sort()).toEqual(diffPolicies(a, b).map(mirrored).sort());
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('every weaker change is material', () => {
    fc.assert(fc.property(policyArb, policyArb, (a, b) => diffPolicies(a, b).every((c) => c.direction !== 'weaker' || c.material)), { seed: 3, numRuns: 100 });
  });
});

/** Applies edits chosen by (site, variant) pairs to every kind of value the schemas hold. */
function mutate(base: Policy, edits: readonly (readonly [number, number])[]): Policy {
  const policy = structuredClone(base);
  for (const [site, variant] of edits) {
    const sites = publicKinds.flatMap((kind) => collect(shapeOf(publicSchemas[kind]), policy as unknown as Record<string, unknown>, kind, kind));
    sites[site % sites.length]!(variant);
  }
  return policy;
}

type Site = (variant: number) => void;

function collect(shape: Shape, parent: Record<string, unknown>, key: string, pattern: string): Site[] {
  const value = parent[key];
  if (shape.type === 'object') {
    if (!value) return [];
    return shape.fields.flatMap(([k, child]) => collect(child, value as Record<string, unknown>, k, `${pattern}.${k}`));
  }
  const rule = directions[pattern]?.rule;
  if (!rule || rule.type === 'identity' || rule.type === 'ignore') return [];
  if (shape.type === 'array') {
    if (!Array.isArray(value)) return [];
    const list = value as unknown[];
    const sites: Site[] = [
      (n) => list.length > 0 && list.splice(n % list.length, 1),
      (n) => {
        if (rule.type === 'set') list.push(`extra-${n}`);
        else if (rule.type === 'keyed' || rule.type === 'credit-tiers') {
          const template = list[0] as Record<string, unknown> | undefined;
          if (!template) return;
          const fresh = rule.type === 'credit-tiers' ? 1 + (n % 97) + 0.5 : `new-${n}`;
          if (!list.some((item) => (item as Record<string, unknown>)[rule.key] === fresh)) list.push({ ...structuredClone(template), [rule.key]: fresh });
        }
      },
    ];
    if (shape.element.type === 'object') {
      list.forEach((_, i) => sites.push(...collect(shape.element, list as unknown as Record<string, unknown>, String(i), `${pattern}[]`)));
    }
    return sites;
  }
  return [
    (n) => {
      const current = parent[key];
      if (typeof current === 'number') parent[key] = current + (n % 2 === 0 ? 1 : -1) * (1 + (n % 5));
      else if (typeof current === 'boolean') parent[key] = !current;
      else if (rule.type === 'rank') parent[key] = rule.order[n % rule.order.length];
      else if (typeof current === 'string') parent[key] = `${current} (${n % 3})`;
      else if (current === undefined) parent[key] = `added-${n % 3}`;
      if (n % 7 === 0 && (shape as { optional: boolean }).optional) delete parent[key];
    },
  ];
}
