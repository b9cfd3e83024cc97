/** Checks of auth.yaml's claims: the lifetime cap, expiry at request time, one uniform 401, the secondary bearer, no token passthrough, tenant isolation, the Origin allowlist. */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../http.ts';
import { describeAnswer, type Check, type Outcome } from '../context.ts';

const DAY = 24 * 3600_000;
/** How far beyond the cap verify looks for the longest lifetime a gateway accepts (ten years). */
const SEARCH_LIMIT_DAYS = 3650;

const notApplicable = (claim: string, why: string): Outcome => ({ status: 'not-applicable', claim, did: why, observed: {} });

export const lifetimeCap: Check = async (ctx): Promise<Outcome> => {
  const max = ctx.policy.auth.tokens?.max_lifetime_days;
  const claim = `an MCP server expires at most ${max} days after creation`;
  if (max === undefined) return notApplicable('no maximum token lifetime', 'auth.yaml states no max_lifetime_days');
  const beyond = await ctx.tryServer({ lifetimeMs: (max + 1) * DAY });
  const within = await ctx.tryServer({ lifetimeMs: max * DAY - 3600_000 });
  const withinOk = 'server' in within;
  if ('refused' in beyond && beyond.refused.status >= 400 && beyond.refused.status < 500 && withinOk) {
    return { status: 'pass', claim, did: `refused ${max + 1} days (HTTP ${beyond.refused.status}) and accepted ${max} days less an hour`, observed: { refused_days: max + 1, refused_status: beyond.refused.status, accepted_hours: max * 24 - 1 } };
  }
  if ('server' in beyond) {
    // Find the longest lifetime it accepts, so the failure says what the gateway's cap really is.
    let low = max + 1;
    let high = SEARCH_LIMIT_DAYS + 1;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if ('server' in (await ctx.tryServer({ lifetimeMs: mid * DAY }))) low = mid;
      else high = mid;
    }
    const longest = low > SEARCH_LIMIT_DAYS ? `more than ${SEARCH_LIMIT_DAYS} days` : `${low} days`;
    return { status: 'fail', claim, did: `accepted a server expiring ${max + 1} days ahead (HTTP 201); the longest lifetime it accepted was ${longest}`, observed: { accepted_days: max + 1, longest_accepted_days: low } };
  }
  return { status: 'fail', claim, did: `refused ${max} days less an hour too (${describeAnswer((within as { refused: Answer }).refused)})`, observed: { refused_status: beyond.refused.status, within_status: (within as { refused: Answer }).refused.status } };
};

/** The answers the uniform-rejection check compares: status, body and headers other than per-response ones. */
function shape(a: Answer): string {
  const headers = [...a.headers].filter(([k]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(k)).map(([k, v]) => `${k}: ${v}`);
  return JSON.stringify([a.status, a.text, headers.sort()]);
}

async function untilExpired(expiresAt: string): Promise<void> {
  const wait = Date.parse(expiresAt) + 500 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

export const expiredToken: Check = async (ctx): Promise<Outcome> => {
  const layers = ctx.policy.auth.tokens?.expiry_enforcement;
  const claim = 'a token is refused once its server has expired, on the next request';
  if (!layers?.includes('request-time')) return notApplicable(claim, 'auth.yaml does not list request-time expiry');
  const server = ctx.shortLived;
  await untilExpired(server.expires_at);
  const after = await ctx.mcp(server.url, 'tools/list');
  const beforeStatus = ctx.shortLivedStatus;
  const ok = after.status === 401 && beforeStatus === 200;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: ok ? 'answered 200 before expires_at and 401 after it' : `answered ${beforeStatus ?? 'nothing'} before expires_at and ${describeAnswer(after)} after it`,
    observed: { status_before: beforeStatus, status_after: after.status },
  };
};

export const uniformRejection: Check = async (ctx): Promise<Outcome> => {
  const claim = 'expired, revoked, unknown and wrong-bearer requests all get one identical 401';
  if (ctx.policy.auth.tokens?.uniform_rejection !== true) return notApplicable(claim, 'auth.yaml does not claim uniform rejection');
  await untilExpired(ctx.shortLived.expires_at);
  const revoked = await ctx.server({});
  await ctx.revoke(revoked.id);
  const guarded = await ctx.server({ requireApiToken: true });
  const token = ctx.shortLived.token;
  // Same prefix and length as a real token, random otherwise: a well-formed token nobody was given.
  const unknown = token.replace(/[^_]+$/, (tail) => randomBytes(tail.length).toString('base64url').slice(0, tail.length));
  const cases: Record<string, Answer> = {
    expired: await ctx.mcp(ctx.shortLived.url, 'tools/list'),
    revoked: await ctx.mcp(revoked.url, 'tools/list'),
    unknown: await ctx.mcp(ctx.shortLived.url.replace(token, unknown), 'tools/list'),
    'missing bearer': await ctx.mcp(guarded.url, 'tools/list'),
    'wrong bearer': await ctx.mcp(guarded.url, 'tools/list', undefined, { authorization: 'Bearer ' + (guarded.api_token ?? 'x').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
  };
  const reference = shape(cases.expired!);
  const differing = Object.entries(cases).filter(([, a]) => a.status !== 401 || shape(a) !== reference);
  const observed = Object.fromEntries(Object.entries(cases).map(([k, a]) => [`${k.replace(' ', '_')}_status`, a.status]));
  if (differing.length === 0) return { status: 'pass', claim, did: 'answered the five cases with byte-identical 401 responses', observed };
  return {
    status: 'fail',
    claim,
    did: Object.entries(cases)
      .map(([k, a]) => `${k} → ${describeAnswer(a)}`)
      .join('; '),
    observed,
  };
};

export const secondaryBearer: Check = async (ctx): Promise<Outcome> => {
  const claim = 'a server can require a bearer API token besides its URL';
  if (ctx.policy.auth.secondary_auth?.available !== true) return notApplicable(claim, 'auth.yaml does not offer a secondary bearer');
  const server = await ctx.server({ requireApiToken: true });
  if (!server.api_token) return { status: 'fail', claim, did: 'created a server with require_api_token_auth: true but returned no api_token', observed: { api_token_returned: false } };
  const without = await ctx.mcp(server.url, 'tools/list');
  const withIt = await ctx.mcp(server.url, 'tools/list', undefined, { authorization: 'Bearer ' + server.api_token });
  const ok = without.status === 401 && withIt.status === 200;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: ok ? 'answered 401 without the bearer and 200 with it' : `answered ${describeAnswer(without)} without the bearer and ${describeAnswer(withIt)} with it`,
    observed: { api_token_returned: true, status_without: without.status, status_with: withIt.status },
  };
};

export const noTokenPassthrough: Check = async (ctx): Promise<Outcome> => {
  const claim = "the caller's tokens and headers never reach the upstream API";
  if (ctx.policy.auth.token_passthrough !== false) return notApplicable(claim, 'auth.yaml does not claim token_passthrough: false');
  const server = await ctx.server({ requireApiToken: ctx.policy.auth.secondary_auth?.available === true });
  const marker = ctx.marker('passthrough');
  const cookie = ctx.marker('cookie');
  const header = ctx.marker('header');
  const before = ctx.probe.requests.length;
  const answer = await ctx.mcp(server.url, 'tools/call', { name: 'echo_query', arguments: { text: marker } }, {
    ...(server.api_token ? { authorization: 'Bearer ' + server.api_token } : {}),
    cookie: `session=${cookie}`,
    'x-forwarded-token': header,
  });
  const seen = ctx.probe.requests.slice(before).filter((r) => r.url.includes(marker));
  if (seen.length === 0) return { status: 'fail', claim, did: `made no upstream request for a permitted tools/call (${describeAnswer(answer)})`, observed: { upstream_requests: 0 } };
  const text = JSON.stringify(seen);
  const leaked = [
    ['the URL token', server.token],
    ['the API bearer', server.api_token],
    ['a cookie', cookie],
    ['a request header', header],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined && text.includes(entry[1]));
  const credentialSent = text.includes(ctx.tenantA.credential);
  const ok = leaked.length === 0 && credentialSent;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: ok
      ? "sent the tenant's own credential upstream and none of the caller's tokens or headers"
      : leaked.length > 0
        ? `forwarded ${leaked.map(([what]) => what).join(', ')} to the upstream`
        : "did not send the tenant's credential upstream",
    observed: { upstream_requests: seen.length, leaked: leaked.map(([what]) => what), tenant_credential_sent: credentialSent },
  };
};

export const tenantIsolation: Check = async (ctx): Promise<Outcome> => {
  const claim = "a token of one tenant never reaches another tenant's connection";
  if (ctx.policy.auth.tokens?.tenant_binding === undefined) return notApplicable(claim, 'auth.yaml states no tenant binding');
  const a = await ctx.server({ methods: ['read'] });
  const b = await ctx.server({ methods: ['read'], connection: ctx.tenantB });
  const wrong: string[] = [];
  let requests = 0;
  for (const [server, own, other] of [
    [a, ctx.tenantA, ctx.tenantB],
    [b, ctx.tenantB, ctx.tenantA],
  ] as const) {
    const marker = ctx.marker('tenant');
    // The caller names the other tenant every way it can: none of it may count.
    await ctx.mcp(server.url, 'tools/call', { name: 'echo_query', arguments: { text: marker }, tenant: other.tenant }, { 'x-tenant': other.tenant, 'x-tenant-id': other.tenant });
    for (const r of ctx.probe.requests.filter((q) => q.url.includes(marker))) {
      requests++;
      const sent = JSON.stringify(r.headers);
      if (!sent.includes(own.credential) || sent.includes(other.credential)) wrong.push(`${own.tenant}'s URL reached the upstream with ${sent.includes(other.credential) ? `${other.tenant}'s credential` : `no credential of ${own.tenant}`}`);
    }
  }
  const ok = wrong.length === 0 && requests === 2;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: ok ? "sent each tenant's calls with that tenant's credential only, whatever the caller named" : wrong.length > 0 ? wrong.join('; ') : `made ${requests} upstream requests for 2 permitted calls`,
    observed: { upstream_requests: requests, cross_tenant: wrong.length },
  };
};

export const originAllowlist: Check = async (ctx): Promise<Outcome> => {
  const claim = 'a request from a browser page on another site (Origin outside the allowlist) is refused with 403';
  const server = await ctx.server({});
  const answer = await ctx.mcp(server.url, 'tools/list', undefined, { origin: 'https://attacker.invalid' });
  const ok = answer.status === 403;
  return { status: ok ? 'pass' : 'fail', claim, did: ok ? 'answered 403 to Origin: https://attacker.invalid' : `answered ${describeAnswer(answer)} to Origin: https://attacker.invalid`, observed: { status: answer.status } };
};
