/**
 * Procurement's questions (the seed's checklist) and which policy key answers each: the #summary "at a glance" list
 * and `validate`'s completeness warnings read this one table. Pure: answers are worded from policy values only.
 */
import type { FileKind, Policy, PublicKind } from './policy.ts';
import { formatValue, list, plural } from './units.ts';

export interface Question {
  /** Stable id, e.g. "data-residency". */
  readonly id: string;
  /** The question as procurement asks it. */
  readonly question: string;
  /** The section whose anchor the answer links to. */
  readonly section: string;
  /** The file and key that answer it, for the completeness warning. */
  readonly kind: PublicKind & FileKind;
  readonly key: readonly string[];
  /** What a minimal valid entry under that key holds, for the warning's hint (so the fix it names validates). */
  readonly needs: string;
  /** One line from the policy's own values, or undefined when the policy leaves the question open. */
  readonly answer: (policy: Policy) => string | undefined;
}

const tokenStorageWords = { hashed: 'stored hashed', encrypted: 'stored encrypted', 'identity-provider': 'held by the identity provider, not by the platform', 'not-stored': 'not stored' } as const;

const retryOnWords = { 'rate-limit': 'rate limits', 'transient-error': 'transient errors', timeout: 'timeouts' } as const;

export const questions: readonly Question[] = [
  {
    id: 'data-residency',
    question: 'Data residency and region pinning',
    section: 'retention',
    kind: 'retention',
    key: ['region_pinning'],
    needs: 'level: per-tenant, per-account or none',
    answer: ({ retention }) => {
      const pinning = retention.region_pinning;
      if (!pinning) return undefined;
      const level = { 'per-tenant': 'pinned per tenant', 'per-account': 'pinned per account', none: 'not pinnable' }[pinning.level];
      return `Regions: ${list(retention.regions)}; the data plane is ${level}.`;
    },
  },
  {
    id: 'audit-log-export',
    question: 'Audit log export',
    section: 'retention',
    kind: 'retention',
    key: ['audit_logs', 'export_formats'],
    needs: 'a list of formats, e.g. [json]',
    // export_formats is required, so the question is always answered; a SIEM is named only when the vendor lists one.
    answer: ({ retention: { audit_logs: logs } }) =>
      `Exported as ${list(logs.export_formats.map((f) => f.toUpperCase()))}${logs.siem ? ` to ${list(logs.siem)}` : ''}; kept ${formatValue('retention_days', logs.retention_days)}.`,
  },
  {
    id: 'credential-management',
    question: 'Credential management',
    section: 'auth',
    kind: 'auth',
    key: ['credentials'],
    needs: 'holder, encrypted_at_rest and logged',
    answer: ({ auth: { credentials: c, tokens } }) => {
      if (!c) return tokens?.storage ? `Tokens the platform issues: ${tokenStorageWords[tokens.storage]}.` : undefined;
      const holder = c.holder === 'platform' ? 'The platform holds upstream credentials' : 'The customer holds upstream credentials';
      const rest = c.encrypted_at_rest ? `encrypted at rest${c.encryption ? ` (${c.encryption})` : ''}` : 'not encrypted at rest';
      const refresh =
        c.refresh === 'before-expiry'
          ? `; access tokens refreshed before expiry${c.refresh_before_expiry_minutes !== undefined ? ` (${formatValue('refresh_before_expiry_minutes', c.refresh_before_expiry_minutes)} ahead)` : ''}`
          : c.refresh === 'just-in-time'
            ? '; access tokens refreshed when a call needs one'
            : '';
      return `${holder}, ${rest}${refresh}; ${c.logged ? 'tokens may appear in logs' : 'never logged'}.`;
    },
  },
  {
    id: 'incident-response',
    question: 'Incident response',
    section: 'incidents',
    kind: 'incidents',
    key: ['breach_notification_hours'],
    needs: 'a number of hours',
    answer: ({ incidents: i }) =>
      `Breach notification within ${formatValue('breach_notification_hours', i.breach_notification_hours)}; post-mortem within ${plural(i.postmortem_days, 'business day')}; status page ${i.status_page}.`,
  },
  {
    id: 'rate-limit-transparency',
    question: 'Rate-limit transparency',
    section: 'rate-limits',
    kind: 'rate-limits',
    key: ['policy'],
    needs: 'pass-through or retry',
    answer: ({ 'rate-limits': r }) => {
      if (r.policy === 'pass-through') return 'Upstream rate limits are passed through at once, without retries.';
      // A retry policy is bounded by a window, a count or both (rules.ts requires one): each bound only when stated.
      const bounds = [
        r.max_retry_window_ms !== undefined ? `for at most ${formatValue('max_retry_window_ms', r.max_retry_window_ms)}` : undefined,
        r.retries !== undefined ? `up to ${plural(r.retries, 'retry', 'retries')}` : undefined,
      ].filter(Boolean);
      return `The platform retries${r.retry_on ? ` on ${list(r.retry_on.map((c) => retryOnWords[c]))}` : ''}${r.failover ? ', fails over,' : ''}${bounds.length > 0 ? ` ${bounds.join(', ')}` : ''}.`;
    },
  },
  {
    id: 'ttl-revocation',
    question: 'TTL and revocation',
    section: 'auth',
    kind: 'auth',
    // revocation answers it for every model (an OAuth grant, a URL token, an API key), with no token keys forced on anyone.
    key: ['revocation'],
    needs: 'by: who can revoke (end-user, customer-admin, platform, upstream-provider); propagation_seconds optional',
    answer: ({ auth, rbac }) => {
      const layers = auth.tokens?.expiry_enforcement;
      const ttl = rbac.scoping?.by.includes('ttl');
      const r = auth.revocation;
      const lifetime = auth.tokens?.max_lifetime_days !== undefined ? `tokens live at most ${formatValue('max_lifetime_days', auth.tokens.max_lifetime_days)}` : undefined;
      if (!layers && !ttl && !r && !lifetime) return undefined;
      const enforced = layers ? `expiry enforced at ${list(layers.map((l) => l.replace('-', ' ')))}` : undefined;
      const revoked = r ? `revocation takes effect${r.propagation_seconds !== undefined ? ` within ${formatValue('propagation_seconds', r.propagation_seconds)}` : ' (no propagation time stated)'}` : undefined;
      return `${[lifetime, enforced, ttl ? 'access can be scoped by TTL' : undefined, revoked].filter(Boolean).join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
    },
  },
  {
    id: 'compliance',
    question: 'Compliance',
    section: 'compliance',
    kind: 'compliance',
    key: ['certifications'],
    needs: 'one entry with name, status (certified, in-progress, planned or not-offered) and report',
    answer: ({ compliance }) => {
      const certs = compliance.certifications;
      if (certs.length === 0) return undefined;
      const current = certs.filter((c) => c.status === 'certified').map((c) => c.name);
      const underNda = certs.filter((c) => c.report === 'under-nda').map((c) => c.name);
      const pending = certs.filter((c) => c.status !== 'certified').map((c) => `${c.name} (${c.status.replace('-', ' ')}${c.expected ? `, expected by ${c.expected}` : ''})`);
      return [
        current.length > 0 ? `Current: ${list(current)}` : 'None current',
        pending.length > 0 ? `not yet: ${list(pending)}` : undefined,
        underNda.length > 0 ? `reports under NDA: ${list(underNda)}` : undefined,
      ]
        .filter(Boolean)
        .join('; ')
        .concat('.');
    },
  },
  {
    id: 'portability',
    question: 'Lock-in and portability',
    section: 'retention',
    kind: 'retention',
    key: ['configuration_export'],
    needs: 'available: true or false',
    answer: ({ retention: { configuration_export: e } }) =>
      e ? (e.available ? `Configuration can be exported${e.formats ? ` as ${list(e.formats)}` : ''}.` : 'No configuration export.') : undefined,
  },
  {
    id: 'integration-coverage',
    question: 'Integration coverage',
    section: 'rbac',
    kind: 'rbac',
    key: ['integrations'],
    needs: 'statement: your coverage in your words',
    answer: ({ rbac: { integrations: i } }) => {
      if (!i) return undefined;
      const parts = [
        i.first_party_count !== undefined ? `${i.first_party_count.toLocaleString('en-US')} first-party` : undefined,
        i.community_count !== undefined ? `${i.community_count.toLocaleString('en-US')} community${i.community_supported === false ? ' (not covered by support)' : ''}` : undefined,
      ].filter(Boolean);
      return parts.length > 0 ? `Integrations: ${parts.join(', ')}.` : 'Coverage described in the section.';
    },
  },
];

/** What the at-a-glance list says for a question the policy leaves open: it is a gap, never a guess. */
export const NOT_STATED = 'Not stated';

/** The questions with their answer for one policy: answered ones carry a line, open ones none. */
export function answers(policy: Policy): { readonly question: Question; readonly answer: string | undefined }[] {
  return questions.map((question) => ({ question, answer: question.answer(policy) }));
}
