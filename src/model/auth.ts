/** auth.yaml: how MCP server URLs are authenticated, bound to tenants and expired. */
import { z } from 'zod';
import { days, label, text } from './primitives.ts';

/** The provisioning request, as the gateway's API takes it. */
export const provisioningPayloadSchema = z.strictObject({
  /** Display name of the MCP server. */
  name: label,
  /** What the server exposes and how it is protected. */
  config: z.strictObject({
    /** HTTP methods of upstream operations this server may call, e.g. [GET]. */
    methods: z.array(z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])).min(1),
    /** Only operations carrying one of these tags become tools; empty means all. */
    tags: z.array(label),
    /** When true, the URL alone is not enough: a bearer API token is required too. */
    require_api_token_auth: z.boolean(),
  }),
  /** Expiry as an ISO timestamp. */
  expires_at: z.iso.datetime({ error: 'expected an ISO timestamp like "2026-12-31T00:00:00Z"' }),
});

export const authSchema = z.strictObject({
  /** One or two sentences on the model: per-tenant URL tokens, hashed at rest. */
  statement: text,
  /** URL tokens. */
  tokens: z.strictObject({
    /** How tokens are stored at rest. */
    hashing: z.enum(['hmac-sha256']),
    /** Random bits per token. */
    entropy_bits: z.int().min(128).max(1024),
    /** How a token is bound to exactly one tenant connection. */
    tenant_binding: text,
    /** Longest lifetime a token may be issued for, days. */
    max_lifetime_days: days.min(1),
    /** Where expiry is enforced; more layers is stronger. */
    expiry_enforcement: z.array(z.enum(['request-time', 'store-eviction', 'purge-job'])).min(1),
    /** Invalid, expired, revoked and unknown tokens get the same answer. */
    uniform_rejection: z.boolean(),
  }),
  /** Optional second factor: a bearer API token on top of the URL. */
  secondary_auth: z.strictObject({
    /** Whether customers can require a bearer token per server. */
    available: z.boolean(),
    /** How it works. */
    statement: text,
  }),
  /** Whether the caller's own credentials ever reach upstream APIs; they must not. */
  token_passthrough: z.literal(false, { error: 'token passthrough must be false: client tokens never go upstream' }),
  /** A sample provisioning request, shown on the page as JSON. */
  sample_provisioning_payload: provisioningPayloadSchema,
});

export type Auth = z.infer<typeof authSchema>;
