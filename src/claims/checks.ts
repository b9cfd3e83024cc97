/**
 * The catalogue of executable checks: for each check id, the claim it tests in words, the policy field it points at,
 * what `slapage verify` sends to the gateway and what it expects back. Pure data; the code that runs each check is in
 * src/verify/checks/, one function per id.
 */

import type { CheckId } from '../model/check-ids.ts';

export { CHECK_IDS, type CheckId } from '../model/check-ids.ts';

export interface CheckSpec {
  /** The claim in the reader's words, filled from the policy by the check (e.g. "servers expire within 365 days"). */
  readonly claim: string;
  /** The policy field the check reads its expectation from: a schema path (file stem, keys, `[]` for list items). */
  readonly field: string;
  /** What the check sends to the gateway. */
  readonly sends: string;
  /** What it expects back. */
  readonly expects: string;
}

export const CHECKS: Readonly<Record<CheckId, CheckSpec>> = {
  'lifetime-cap': {
    claim: 'no MCP server lives longer than the maximum token lifetime',
    field: 'auth.tokens.max_lifetime_days',
    sends: 'POST /admin/connections/{id}/servers with expires_at one day beyond max_lifetime_days, then one hour within it',
    expects: 'the first refused with a 4xx status, the second created (201)',
  },
  'expired-token': {
    claim: 'an expired token is refused at request time',
    field: 'auth.tokens.expiry_enforcement',
    sends: 'a server expiring 2 seconds after creation; tools/list before and after its expires_at',
    expects: '200 before, 401 after',
  },
  'uniform-rejection': {
    claim: 'expired, revoked, unknown and wrong-bearer requests get one identical 401',
    field: 'auth.tokens.uniform_rejection',
    sends: 'tools/list with an expired token, a revoked token, an unknown token, and on a bearer-protected server with no bearer and a wrong one',
    expects: 'status 401 each time, with the same body and the same headers (date and x-request-id aside)',
  },
  'secondary-bearer': {
    claim: 'a server can require a bearer API token besides its URL',
    field: 'auth.secondary_auth.available',
    sends: 'a server created with require_api_token_auth: true; tools/list without the bearer, then with it',
    expects: 'an api_token in the creation answer; 401 without it, 200 with it',
  },
  'no-token-passthrough': {
    claim: "the caller's tokens never reach the upstream API",
    field: 'auth.token_passthrough',
    sends: 'tools/call with the URL token and the API bearer, plus a cookie and a custom header carrying canaries',
    expects: "the upstream request carries the tenant's own credential and none of the caller's tokens or headers",
  },
  'tenant-isolation': {
    claim: "a tenant's token never reaches another tenant's connection",
    field: 'auth.tokens.tenant_binding',
    sends: "two tenants' connections with different upstream credentials; tools/call through each tenant's URL, one with an x-tenant header naming the other",
    expects: "every upstream request made through tenant A's URL carries A's credential, never B's, and vice versa",
  },
  'origin-allowlist': {
    claim: 'a browser page on another site cannot call an MCP URL (DNS-rebinding protection)',
    field: 'auth.origin_validation',
    sends: 'tools/list with Origin: https://attacker.invalid',
    expects: 'status 403 and no tools',
  },
  'method-filter': {
    claim: 'a read-only server exposes no write tool, and a direct call of one is refused without reaching the upstream',
    field: 'rbac.filtering.methods',
    sends: 'a server with methods [read]; tools/list, then tools/call of the write tool echo_body',
    expects: 'no write tool listed; the call refused (JSON-RPC error) with no upstream request',
  },
  'tag-filter': {
    claim: 'a server configured with tags exposes only operations carrying one of them, listed or called',
    field: 'rbac.filtering.tags',
    sends: 'a server with tags [fixed]; tools/list, then tools/call of echo_query (tagged echo)',
    expects: 'only get_fixed listed; the call refused with no upstream request',
  },
  'rate-limit-passthrough': {
    claim: 'an upstream 429 is surfaced with the promised status, headers and JSON-RPC code, retried no more than the policy allows',
    field: 'rate-limits.policy',
    sends: 'tools/call of rate_limited, whose upstream answers 429 with every rate-limit header form',
    expects: 'upstream requests = 1 + retries; the HTTP status, exactly the listed rate-limit headers and the JSON-RPC error code of rate-limits.yaml',
  },
  'rate-limit-latency': {
    claim: 'an upstream 429 is surfaced within the rate-limit-passthrough objective',
    // Stated by latency.yaml's rate-limit-passthrough objective (its p50), never by the vendor's statement prose.
    field: 'latency.objectives',
    sends: '50 upstream 429s straight to the upstream and 50 through the gateway, in pairs; the first 10 pairs discarded',
    expects: 'the median added time at most the objective p50_ms',
  },
  'no-payload-retention': {
    claim: 'request and response payloads are not retained',
    field: 'retention.payloads.retained',
    sends: 'a canary in tool arguments and another in an upstream response body',
    expects: 'neither canary in the access log, the audit log, the admin listings, nor (reference gateway) any file of its data folder',
  },
  'metadata-fields': {
    claim: 'the access log keeps only the listed metadata fields',
    field: 'retention.metadata.fields',
    sends: 'GET /admin/access-log after the other checks',
    expects: 'every line a JSON object whose keys are among retention.metadata.fields',
  },
  'audit-trail': {
    claim: 'every admin action is recorded (who, what, when, from where) in an append-only audit log',
    field: 'rbac.audit_trail',
    sends: 'GET /admin/audit?since=<start of the run>, then POST /admin/audit/verify',
    expects: 'a record for each connection.create, server.create and server.revoke of this run with actor, action, time and address; the chain verifies',
  },
  'audit-export': {
    claim: 'the audit log can be exported in the listed formats',
    field: 'retention.audit_logs.export_formats',
    sends: 'GET /admin/audit?format=<each listed format>',
    expects: 'status 200 with one record per line in that format',
  },
};
