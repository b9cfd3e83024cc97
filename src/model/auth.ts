/** auth.yaml: how MCP clients authenticate (URL tokens, API keys or per-user OAuth delegation), how tokens and upstream credentials are stored, expired and kept from upstream. */
import { z } from 'zod';
import { days, label, minutes, seconds, text, uniqueList } from './primitives.ts';

/** How MCP clients authenticate to the platform. */
export const authModels = ['url-token', 'api-key', 'oauth-delegation'] as const;

/** How stored tokens are hashed at rest; keyed hashes first (a copied database alone is not enough), then password hashes, then plain digests. */
export const tokenHashings = ['hmac-sha256', 'hmac-sha512', 'argon2id', 'scrypt', 'bcrypt', 'pbkdf2-sha256', 'sha256', 'sha512'] as const;

/** How issued tokens are kept, as done: hashed (see hashing), encrypted, held by the identity provider (the platform keeps none), or not stored at all. */
export const tokenStorages = ['hashed', 'encrypted', 'identity-provider', 'not-stored'] as const;

/** Who can revoke a grant or token. */
export const revokers = ['end-user', 'customer-admin', 'platform', 'upstream-provider'] as const;

/** How a user grants a delegated OAuth connection. */
export const consentModes = ['url-elicitation', 'browser-redirect', 'admin-preauthorized'] as const;

/** A method filter: a category (read, write, custom), an HTTP method, or a named operation such as "list". */
const methodFilter = z.union([
  z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  z.string().regex(/^[a-z][a-z0-9_-]*$/, { error: 'expected read, write, custom, an HTTP method like GET, or an operation name like "list"' }),
]);

/** The provisioning request, as the gateway's API takes it. */
export const provisioningPayloadSchema = z.strictObject({
  /** Display name of the MCP server. */
  name: label,
  /** What the server exposes and how it is protected. */
  config: z.strictObject({
    /** Operations this server may call: categories (read, write, custom), HTTP methods (GET) or named operations (list). */
    methods: z.array(methodFilter).min(1),
    /** Only operations carrying one of these tags become tools; empty means all. */
    tags: z.array(label),
    /** When true, the URL alone is not enough: a bearer API token is required too. */
    require_api_token_auth: z.boolean().optional(),
  }),
  /** Expiry as an ISO timestamp. */
  expires_at: z.iso.datetime({ error: 'expected an ISO timestamp like "2026-12-31T00:00:00Z"' }),
});

export const authSchema = z.strictObject({
  /** One or two sentences on the model, in the vendor's words. */
  statement: text,
  /** How MCP clients authenticate: per-tenant URL token, API key, or per-user OAuth delegation. */
  model: z.enum(authModels).optional(),
  /** Tokens the platform issues (URL tokens or API keys). */
  tokens: z
    .strictObject({
      /** How tokens are kept at rest, as done: hashed, encrypted, identity-provider or not-stored. */
      storage: z.enum(tokenStorages).optional(),
      /** With storage hashed (or storage left out, in older versions): the hash. */
      hashing: z.enum(tokenHashings).optional(),
      /** Random bits per token. */
      entropy_bits: z.int().min(128).max(1024).optional(),
      /** How a token is bound to exactly one tenant connection. */
      tenant_binding: text.optional(),
      /** Longest lifetime a token may be issued for, days. */
      max_lifetime_days: days.min(1).optional(),
      /** Where expiry is enforced; more layers is stronger. */
      expiry_enforcement: z.array(z.enum(['request-time', 'store-eviction', 'purge-job'])).min(1).optional(),
      /** Invalid, expired, revoked and unknown tokens get the same answer. */
      uniform_rejection: z.boolean().optional(),
    })
    .optional(),
  /** Per-user OAuth delegation: how a user grants the platform access to an upstream account. */
  delegation: z
    .strictObject({
      /** How consent is obtained, e.g. url-elicitation: the MCP client is handed a URL that opens the provider's consent screen. */
      consent: z.enum(consentModes),
      /** How it works, in the vendor's words. */
      statement: text,
    })
    .optional(),
  /** Upstream credentials (OAuth refresh and access tokens, API keys) the platform holds for customers. */
  credentials: z
    .strictObject({
      /** Who stores the upstream credentials: the platform, or the customer (platform never sees them at rest). */
      holder: z.enum(['platform', 'customer']),
      /** Refresh tokens and keys are encrypted at rest. */
      encrypted_at_rest: z.boolean(),
      /** The encryption, e.g. "AES-256-GCM with per-tenant keys in a KMS". */
      encryption: label.optional(),
      /** How access tokens are renewed: before-expiry (on a schedule ahead of expiry) or just-in-time (when a call needs one). */
      refresh: z.enum(['before-expiry', 'just-in-time']).optional(),
      /** With refresh before-expiry: how long before expiry, minutes. */
      refresh_before_expiry_minutes: minutes.optional(),
      /** Whether tokens ever appear in logs; false is the commitment. */
      logged: z.boolean(),
      /** How credentials are handled, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** How a grant (OAuth delegation) or a token is revoked, and how fast that takes effect everywhere. */
  revocation: z
    .strictObject({
      /** Who can revoke: end-user, customer-admin, platform, upstream-provider. */
      by: uniqueList(z.enum(revokers)).min(1),
      /** The longest time from revocation until no call is made with the grant or token, seconds. */
      propagation_seconds: seconds.optional(),
      /** How it works, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** Whether requests from a browser page of another site (an Origin header not allowed) are refused: DNS-rebinding protection. */
  origin_validation: z.boolean().optional(),
  /** Optional second factor: a bearer API token on top of the URL. */
  secondary_auth: z
    .strictObject({
      /** Whether customers can require a bearer token per server. */
      available: z.boolean(),
      /** How it works. */
      statement: text,
    })
    .optional(),
  /** Whether the MCP client's own token is forwarded to upstream APIs; false is what the MCP specification requires. */
  token_passthrough: z.boolean().optional(),
  /** A sample provisioning request, shown on the page as JSON. */
  sample_provisioning_payload: provisioningPayloadSchema.optional(),
});

export type Auth = z.infer<typeof authSchema>;
