/**
 * No claim without a source: the fixture vendors' and the example's page lines and PDF text are searched for
 * commitment sentences, and each one found must be backed by the policy field that states it (or be the vendor's own
 * prose). Engine text that promised something whatever the policy said fails here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../tests/fixtures/pdf-tools/poppler.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import type { Policy } from '../model/policy.ts';
import { answers } from '../model/procurement.ts';
import { renderPublicPdf } from '../pdf/editions.ts';
import { publicSources } from '../pdf/published.ts';
import { validatePolicy } from '../validate/validate.ts';
import { authFacts, changesFacts, deploymentFacts, latencyScopeFact, rateLimitFacts, rbacFacts, retentionFacts } from '../document/facts.ts';
import { formatHttpResponse, sampleRateLimitResponse } from '../document/rate-limit-sample.ts';

const root = resolve(import.meta.dirname, '../..');
const subjects = {
  example: join(root, 'policy'),
  'vendor-arcade': join(root, 'tests/fixtures/vendor-arcade/policy'),
  'vendor-minimal': join(root, 'tests/fixtures/vendor-minimal/policy'),
};

/** A commitment sentence and the policy fact that must back it. */
const claims: readonly { readonly name: string; readonly pattern: RegExp; readonly backed: (p: Policy) => boolean }[] = [
  { name: 'pass-through rate limits', pattern: /pass(ed)?[- ]through/i, backed: (p) => p['rate-limits'].policy === 'pass-through' },
  { name: 'URL tokens', pattern: /URL token/i, backed: (p) => p.auth.model === 'url-token' },
  { name: 'HMAC-SHA256 storage', pattern: /HMAC-SHA256/i, backed: (p) => p.auth.tokens?.hashing === 'hmac-sha256' },
  { name: 'token shown once', pattern: /shown once/i, backed: () => false },
  { name: 'versions online as published', pattern: /exactly as published|stays online at its own address/i, backed: () => false },
  { name: 'zero payload retention', pattern: /never stored|zero (payload|data) retention/i, backed: (p) => p.retention.payloads.retained === false },
  { name: 'gateway-overhead latency', pattern: /platform overhead|platform adds|not upstream time|gateway overhead/i, backed: (p) => p.latency.scope === 'gateway-overhead' },
  { name: 'never logged', pattern: /never logged/i, backed: (p) => p.auth.credentials?.logged === false },
  { name: 'credentials at rest', pattern: /encrypted at rest/i, backed: (p) => p.auth.credentials !== undefined },
  { name: 'token passthrough', pattern: /token passthrough/i, backed: (p) => p.auth.token_passthrough !== undefined },
  { name: 'OAuth delegation', pattern: /OAuth/i, backed: (p) => p.auth.model === 'oauth-delegation' },
  { name: 'failover', pattern: /fail(s)? ?over/i, backed: (p) => p['rate-limits'].failover === true },
  { name: 'secondary bearer', pattern: /secondary bearer/i, backed: (p) => p.auth.secondary_auth !== undefined },
  { name: 'expiry layers', pattern: /expiry (is )?enforced/i, backed: (p) => p.auth.tokens?.expiry_enforcement !== undefined },
  { name: 'region pinning', pattern: /pinned/i, backed: (p) => p.retention.region_pinning !== undefined },
  { name: 'SIEM export', pattern: /SIEM/, backed: (p) => p.retention.audit_logs.siem !== undefined },
  { name: 'configuration export', pattern: /configuration (can be )?export/i, backed: (p) => p.retention.configuration_export !== undefined },
  { name: 'first-party integrations', pattern: /first-party/i, backed: (p) => p.rbac.integrations !== undefined },
  { name: 'a fixed sample message', pattern: /Upstream rate limit exceeded/, backed: (p) => p['rate-limits'].example?.message === 'Upstream rate limit exceeded' },
];

/** Every string the vendor wrote: a sentence found there is the vendor's own claim. */
function vendorProse(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(vendorProse).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(vendorProse).join(' ');
  return '';
}

/** The page's commitment lines: what src/document/facts.ts and the at-a-glance list word for the prose to show. */
function pageLines(policy: Policy): string {
  const facts = [authFacts, rbacFacts, rateLimitFacts, retentionFacts, deploymentFacts, changesFacts].flatMap((f) => f(policy)).map((f) => `${f.label}: ${f.text}`);
  const sample = sampleRateLimitResponse(policy['rate-limits']);
  return [...facts, latencyScopeFact(policy).text, ...answers(policy).map((a) => a.answer ?? ''), sample ? formatHttpResponse(sample) : ''].join('\n');
}

function unbacked(policy: Policy, text: string): string[] {
  const prose = vendorProse(policy).replace(/\s+/g, ' ');
  const flat = text.replace(/\s+/g, ' ');
  return claims.filter((c) => c.pattern.test(flat) && !c.pattern.test(prose) && !c.backed(policy)).map((c) => `${c.name}: ${flat.match(c.pattern)![0]}`);
}

describe('every commitment sentence has a source', () => {
  const loaded: Record<string, LoadedVersion> = {};
  const pdfText: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, dir] of Object.entries(subjects)) {
      const validation = validatePolicy(dir, { today: '2026-06-01', gatewayVersion: null });
      expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const version = validation.versions.at(-1)!;
      loaded[name] = version;
      const pdf = readPdf(await renderPublicPdf(version.policy, publicSources(version)));
      pdfText[name] = pdf.text();
      pdf.close();
    }
  });
  afterAll(() => {});

  it.each(Object.keys(subjects))('%s: the page lines claim only what the policy states', (name) => {
    expect(unbacked(loaded[name]!.policy, pageLines(loaded[name]!.policy))).toEqual([]);
  });

  it.each(Object.keys(subjects))('%s: the PDF claims only what the policy states', (name) => {
    expect(unbacked(loaded[name]!.policy, pdfText[name]!)).toEqual([]);
  });

  it('the Arcade-style page and PDF say nothing about URL tokens or pass-through', () => {
    const text = `${pageLines(loaded['vendor-arcade']!.policy)}\n${pdfText['vendor-arcade']}`;
    // "token passthrough: never" is the vendor's own statement; pass-through rate limits are not.
    expect(text).not.toMatch(/URL token|pass-through|passed through/i);
    expect(text).toMatch(/OAuth delegation/);
    expect(text).toMatch(/URL elicitation/);
  });

  it('the page prose has no fixed commitment sentences', () => {
    // The engine's default prose for every section (src/document/default-prose.ts).
    const prose = readFileSync(join(root, 'src/document/default-prose.ts'), 'utf8');
    expect(prose).not.toMatch(/Platform overhead, not upstream time|exactly as published|stays online at its own address|shown once|so they can object|in writing/);
  });

  it('the checker catches a claim whose field says otherwise', () => {
    const policy = structuredClone(loaded['vendor-arcade']!.policy);
    expect(unbacked(policy, 'Pass-through: upstream 429s are returned at once. Tokens: HMAC-SHA256.')).toEqual(['pass-through rate limits: Pass-through', 'HMAC-SHA256 storage: HMAC-SHA256']);
  });
});
