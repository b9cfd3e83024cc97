/** The audit log's records and rules: each record carries the SHA-256 of the previous one (a hash chain), verification finds the first record that breaks it, and exports render JSON lines, CEF lines with CEF's escaping, or OCSF API Activity (6003) JSON lines. */

import { createHash } from 'node:crypto';
import { GATEWAY_VERSION } from '../mcp/mcp.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What happened, as recorded: never a token, a credential or a payload. */
export interface AuditEvent {
  /** Epoch milliseconds. */
  at: number;
  /** owner, admin, developer, auditor; null when no valid key was presented. */
  actor_role: string | null;
  /** A short keyed fingerprint of the admin key, never the key. */
  actor_key_id: string | null;
  /** e.g. server.create, server.revoke, audit.export, admin.auth, token.refused */
  action: string;
  /** The resource acted on (a connection or server id), when there is one. */
  target: string | null;
  outcome: AuditOutcome;
  /** HTTP status answered. */
  status: number;
  /** The client address the request came from. */
  address: string | null;
}

export interface AuditRecord extends AuditEvent {
  id: number;
  /** SHA-256 (hex) of the previous record; the genesis hash for the first one. */
  prev_hash: string;
  /** SHA-256 (hex) over this record's fields and prev_hash. */
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a record: SHA-256 over its fields in a fixed order (JSON array, so no field can bleed into another). */
export function chainHash(r: Omit<AuditRecord, 'hash'>): string {
  const fields = [r.id, r.at, r.actor_role, r.actor_key_id, r.action, r.target, r.outcome, r.status, r.address, r.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  /** Id of the first record whose link or hash does not check out. */
  first_bad: number | null;
}

/** Walks the chain from its anchor (genesis, or where retention cut it): ids must follow on, links must match, hashes must recompute. */
export function verifyChain(records: readonly AuditRecord[], anchor: { after_id: number; hash: string } | null): VerifyResult {
  let prevId = anchor?.after_id ?? 0;
  let prevHash = anchor?.hash ?? GENESIS_HASH;
  for (const r of records) {
    if (r.id !== prevId + 1 || r.prev_hash !== prevHash || chainHash(r) !== r.hash) return { ok: false, records: records.length, first_bad: r.id };
    prevId = r.id;
    prevHash = r.hash;
  }
  return { ok: true, records: records.length, first_bad: null };
}

/** One JSON line per record, times as RFC 3339. */
export function toJsonLine(r: AuditRecord): string {
  return JSON.stringify({ ...r, at: new Date(r.at).toISOString() }) + '\n';
}

/** CEF header fields escape backslash and pipe. */
function cefHeader(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');
}

/** CEF extension values escape backslash, equals and line breaks. */
function cefValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r\n|\n/g, '\\n').replace(/\r/g, '\\r');
}

const SEVERITY: Record<AuditOutcome, number> = { success: 3, failure: 6, denied: 7 };

/** One CEF:0 line per record (ArcSight CEF): device slapage|mcp-gateway, signature = action. */
export function toCefLine(r: AuditRecord): string {
  const ext: Array<[string, string | number | null]> = [
    ['rt', r.at],
    ['externalId', r.id],
    ['outcome', r.outcome],
    ['src', r.address],
    ['suser', r.actor_role],
    ['suid', r.actor_key_id],
    ['cs1Label', 'target'],
    ['cs1', r.target],
    ['cn1Label', 'status'],
    ['cn1', r.status],
    ['cs2Label', 'hash'],
    ['cs2', r.hash],
  ];
  const extension = ext
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${cefValue(String(v))}`)
    .join(' ');
  const header = ['CEF:0', 'slapage', 'mcp-gateway', GATEWAY_VERSION, r.action, r.action + ' ' + r.outcome, String(SEVERITY[r.outcome])].map(cefHeader).join('|');
  return header + '|' + extension + '\n';
}

/** OCSF schema release the OCSF lines follow (class API Activity, 6003; required attributes in fixtures/ocsf-6003-required.json). */
export const OCSF_VERSION = '1.2.0';
const OCSF_CLASS_UID = 6003;
const OCSF_CATEGORY_UID = 6;

/** The CRUD activity an action is (API Activity's activity_id enum); 99 Other for what is none of them. */
function ocsfActivity(action: string): { id: number; name: string } {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (verb === 'create') return { id: 1, name: 'Create' };
  if (verb === 'revoke' || verb === 'delete' || verb === 'purge') return { id: 4, name: 'Delete' };
  if (verb === 'update' || verb === 'reseal' || verb === 'rotate') return { id: 3, name: 'Update' };
  if (['list', 'get', 'export', 'verify', 'auth', 'refused', 'whoami'].includes(verb)) return { id: 2, name: 'Read' };
  return { id: 99, name: 'Other' };
}

const OCSF_SEVERITY: Record<AuditOutcome, [number, string]> = { success: [1, 'Informational'], failure: [3, 'Medium'], denied: [4, 'High'] };

/**
 * One OCSF API Activity (6003) JSON line per record: the admin key's role and fingerprint as actor.user, the action as
 * api.operation, the outcome as status, the client address as src_endpoint; nothing else from the request, so no payload.
 */
export function toOcsfLine(r: AuditRecord): string {
  const activity = ocsfActivity(r.action);
  const [severityId, severity] = OCSF_SEVERITY[r.outcome];
  const event: Record<string, unknown> = {
    activity_id: activity.id,
    activity_name: activity.name,
    category_uid: OCSF_CATEGORY_UID,
    category_name: 'Application Activity',
    class_uid: OCSF_CLASS_UID,
    class_name: 'API Activity',
    type_uid: OCSF_CLASS_UID * 100 + activity.id,
    type_name: `API Activity: ${activity.name}`,
    time: r.at,
    severity_id: severityId,
    severity,
    status_id: r.outcome === 'success' ? 1 : 2,
    status: r.outcome === 'success' ? 'Success' : 'Failure',
    status_code: String(r.status),
    status_detail: r.outcome,
    metadata: { version: OCSF_VERSION, uid: String(r.id), product: { name: 'mcp-gateway', vendor_name: 'slapage', version: GATEWAY_VERSION } },
    // No key presented (a refused token or admin key): the actor is known only as unauthenticated.
    actor: { user: r.actor_key_id === null ? { name: 'unauthenticated' } : { uid: r.actor_key_id, name: r.actor_role ?? 'unknown' } },
    api: { operation: r.action, service: { name: 'admin' } },
    src_endpoint: r.address === null ? { name: 'unknown' } : { ip: r.address },
    http_response: { code: r.status },
    unmapped: { prev_hash: r.prev_hash, hash: r.hash },
  };
  if (r.target !== null) event.resources = [{ uid: r.target }];
  return JSON.stringify(event) + '\n';
}
