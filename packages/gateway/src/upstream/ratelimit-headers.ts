/** Normalizes upstream rate-limit headers (x-ratelimit-*, x-rate-limit-*, ratelimit-*, IETF RateLimit/RateLimit-Policy, Retry-After as seconds or HTTP date, reset as epoch or delta) into one shape, and renders it as the headers the gateway sends. */

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Seconds until the window resets (delta, never epoch). */
  resetSeconds?: number;
  retryAfterSeconds?: number;
  /** Window length in seconds, when the upstream states it. */
  windowSeconds?: number;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** The policy name the gateway uses in RateLimit / RateLimit-Policy. */
export const POLICY_NAME = 'upstream';

function header(h: HeaderBag, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function firstOf(h: HeaderBag, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = header(h, n);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

const LEADING_NUMBER = /^\s*(\d+(?:\.\d+)?)/;

function leadingNumber(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = LEADING_NUMBER.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** Integer parameter `key=N` inside a structured-field item such as `"default";q=100;w=60`. */
function param(item: string, key: string): number | undefined {
  const m = new RegExp('(?:^|[;,\\s])' + key + '=(\\d+)').exec(item);
  return m ? Number(m[1]) : undefined;
}

// Reset values above these are absolute times rather than deltas.
const EPOCH_MS_THRESHOLD = 1e12;
const EPOCH_S_THRESHOLD = 1e9;

function toDeltaSeconds(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= EPOCH_MS_THRESHOLD) return Math.max(0, Math.ceil((n - nowMs) / 1000));
    if (n >= EPOCH_S_THRESHOLD) return Math.max(0, Math.ceil(n - nowMs / 1000));
    return Math.ceil(n);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

const LIMIT = ['x-ratelimit-limit', 'x-rate-limit-limit', 'ratelimit-limit'] as const;
const REMAINING = ['x-ratelimit-remaining', 'x-rate-limit-remaining', 'ratelimit-remaining'] as const;
const RESET = ['x-ratelimit-reset', 'x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset-after'] as const;

/** Reads whichever dialect the upstream speaks; fields it does not state stay undefined. */
export function parseRateLimit(h: HeaderBag, nowMs: number): RateLimitInfo {
  const info: RateLimitInfo = {};
  const limitRaw = firstOf(h, LIMIT);
  const limit = leadingNumber(limitRaw);
  if (limit !== undefined) info.limit = limit;
  // Draft-03 style "100, 100;w=60" carries the window inside the limit header.
  const w = limitRaw === undefined ? undefined : param(limitRaw, 'w');
  if (w !== undefined) info.windowSeconds = w;
  const remaining = leadingNumber(firstOf(h, REMAINING));
  if (remaining !== undefined) info.remaining = remaining;
  const reset = toDeltaSeconds(firstOf(h, RESET), nowMs);
  if (reset !== undefined) info.resetSeconds = reset;

  // IETF draft-10/11 structured fields: RateLimit-Policy: "p";q=100;w=60 and RateLimit: "p";r=0;t=30.
  const policy = header(h, 'ratelimit-policy');
  if (policy !== undefined) {
    const first = policy.split(',')[0] ?? '';
    const q = param(first, 'q');
    const pw = param(first, 'w');
    if (info.limit === undefined && q !== undefined) info.limit = q;
    if (info.windowSeconds === undefined && pw !== undefined) info.windowSeconds = pw;
  }
  const combined = header(h, 'ratelimit');
  if (combined !== undefined) {
    // Draft-07 used a dictionary (limit=, remaining=, reset=); draft-10+ uses r= and t= on a named item.
    const r = param(combined, 'r') ?? param(combined, 'remaining');
    const t = param(combined, 't') ?? param(combined, 'reset');
    const l = param(combined, 'limit');
    if (info.remaining === undefined && r !== undefined) info.remaining = r;
    if (info.resetSeconds === undefined && t !== undefined) info.resetSeconds = t;
    if (info.limit === undefined && l !== undefined) info.limit = l;
  }

  const retryAfter = toDeltaSeconds(header(h, 'retry-after'), nowMs);
  if (retryAfter !== undefined) info.retryAfterSeconds = retryAfter;
  return info;
}

/** For a 429, a missing retry-after is taken from the reset delta and vice versa: both mean "when the caller may try again". */
export function completeFor429(info: RateLimitInfo): RateLimitInfo {
  const out = { ...info };
  if (out.retryAfterSeconds === undefined && out.resetSeconds !== undefined) out.retryAfterSeconds = out.resetSeconds;
  if (out.resetSeconds === undefined && out.retryAfterSeconds !== undefined) out.resetSeconds = out.retryAfterSeconds;
  return out;
}

export function isEmpty(info: RateLimitInfo): boolean {
  return (
    info.limit === undefined &&
    info.remaining === undefined &&
    info.resetSeconds === undefined &&
    info.retryAfterSeconds === undefined &&
    info.windowSeconds === undefined
  );
}

/** The gateway's outgoing headers: ratelimit-limit/-remaining/-reset, retry-after, and IETF RateLimit-Policy / RateLimit; unknown values are omitted. */
export function renderRateLimitHeaders(info: RateLimitInfo): Record<string, string> {
  const out: Record<string, string> = {};
  if (info.limit !== undefined) out['ratelimit-limit'] = String(info.limit);
  if (info.remaining !== undefined) out['ratelimit-remaining'] = String(info.remaining);
  if (info.resetSeconds !== undefined) out['ratelimit-reset'] = String(info.resetSeconds);
  if (info.retryAfterSeconds !== undefined) out['retry-after'] = String(info.retryAfterSeconds);
  if (info.limit !== undefined) {
    out['RateLimit-Policy'] = `"${POLICY_NAME}";q=${info.limit}` + (info.windowSeconds === undefined ? '' : `;w=${info.windowSeconds}`);
  }
  if (info.remaining !== undefined) {
    out['RateLimit'] = `"${POLICY_NAME}";r=${info.remaining}` + (info.resetSeconds === undefined ? '' : `;t=${info.resetSeconds}`);
  }
  return out;
}

/** JSON-RPC error data for an upstream 429; unknown fields are omitted. */
export function rateLimitErrorData(info: RateLimitInfo): Record<string, number> {
  const data: Record<string, number> = {};
  if (info.retryAfterSeconds !== undefined) data.retry_after_seconds = info.retryAfterSeconds;
  if (info.limit !== undefined) data.limit = info.limit;
  if (info.remaining !== undefined) data.remaining = info.remaining;
  if (info.resetSeconds !== undefined) data.reset_seconds = info.resetSeconds;
  return data;
}
