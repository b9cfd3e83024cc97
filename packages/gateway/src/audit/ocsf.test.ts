/** OCSF export: every attribute API Activity (6003) requires, per the schema's own files (fixtures/ocsf-6003-required.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, OCSF_VERSION, toOcsfLine, type AuditRecord } from './audit.ts';

const REQUIRED = JSON.parse(readFileSync(new URL('./fixtures/ocsf-6003-required.json', import.meta.url), 'utf8')) as {
  schema_version: string;
  category_uid: number;
  class_uid: number;
  activity_ids: Record<string, string>;
  event_required: string[];
  object_required: Record<string, string[]>;
  object_at_least_one: Record<string, string[]>;
};

function record(over: Partial<AuditRecord>): AuditRecord {
  const r: AuditRecord = { id: 1, at: Date.UTC(2026, 11, 4), actor_role: 'owner', actor_key_id: 'kid_abc', action: 'server.create', target: 'srv_1', outcome: 'success', status: 201, address: '127.0.0.1', prev_hash: GENESIS_HASH, hash: '', ...over };
  r.hash = chainHash(r);
  return r;
}

const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

const samples = [
  record({}),
  record({ action: 'server.revoke', status: 200 }),
  record({ action: 'audit.export', target: null, status: 200 }),
  // A refused token: no key, no role, no target.
  record({ action: 'token.refused', actor_role: null, actor_key_id: null, target: null, outcome: 'denied', status: 401 }),
  record({ action: 'connection.create', outcome: 'failure', status: 400, address: null }),
];

describe('OCSF API Activity lines', () => {
  it.each(samples)('$action ($outcome) carries every attribute the class requires', (r) => {
    const e = JSON.parse(toOcsfLine(r)) as Record<string, unknown>;
    for (const name of REQUIRED.event_required) expect([name, e[name]]).not.toEqual([name, undefined]);
    for (const [object, names] of Object.entries(REQUIRED.object_required)) for (const name of names) expect([object, name, at(e, `${object}.${name}`)]).not.toEqual([object, name, undefined]);
    for (const [object, names] of Object.entries(REQUIRED.object_at_least_one)) expect([object, names.some((n) => at(e, `${object}.${n}`) !== undefined)]).toEqual([object, true]);
    expect(e).toMatchObject({ category_uid: REQUIRED.category_uid, class_uid: REQUIRED.class_uid, time: r.at, metadata: { version: REQUIRED.schema_version } });
    expect(OCSF_VERSION).toBe(REQUIRED.schema_version);
    expect(e.type_uid).toBe(REQUIRED.class_uid * 100 + (e.activity_id as number));
    expect([...Object.keys(REQUIRED.activity_ids).map(Number), 99]).toContain(e.activity_id);
    expect(at(e, 'api.operation')).toBe(r.action);
    expect(e.status_id).toBe(r.outcome === 'success' ? 1 : 2);
  });

  it('maps actor, activity and outcome, and adds nothing the record does not hold', () => {
    expect(JSON.parse(toOcsfLine(samples[0]!))).toMatchObject({ activity_id: 1, type_uid: 600301, actor: { user: { uid: 'kid_abc', name: 'owner' } }, src_endpoint: { ip: '127.0.0.1' }, resources: [{ uid: 'srv_1' }], status: 'Success' });
    expect(JSON.parse(toOcsfLine(samples[1]!))).toMatchObject({ activity_id: 4, type_uid: 600304 });
    const refused = JSON.parse(toOcsfLine(samples[3]!));
    expect(refused).toMatchObject({ activity_id: 2, actor: { user: { name: 'unauthenticated' } }, status_id: 2, status_detail: 'denied', severity_id: 4 });
    expect(refused).not.toHaveProperty('resources');
    // Only record fields go out: the line's strings are the record's values and fixed vocabulary.
    const strings = JSON.stringify(refused).match(/"[^"]*"/g)!.map((s) => s.slice(1, -1));
    const allowed = new Set([...Object.values(samples[3]!).map(String), ...Object.keys(refused), 'API Activity', 'API Activity: Read', 'Application Activity', 'Read', 'High', 'Failure', 'unauthenticated', 'mcp-gateway', 'slapage', '0.1.0', OCSF_VERSION, 'admin', 'user', 'name', 'uid', 'ip', 'version', 'product', 'vendor_name', 'operation', 'service', 'code', 'prev_hash', 'hash']);
    expect(strings.filter((s) => !allowed.has(s))).toEqual([]);
  });
});
