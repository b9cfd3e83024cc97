/**
 * Committed verification evidence against the claims: a check that failed in the latest evidence of a version is an
 * error located at the claim in the policy (naming the claim, what the gateway did and the evidence file); for the latest
 * version, evidence older than 90 days, or taken on another gateway version, is a warning located in the evidence file.
 */
import type { Problem } from '../errors/catalog.ts';
import { CHECKS } from '../claims/checks.ts';
import { loadEvidence } from '../load/evidence.ts';
import { daysBetween } from '../model/dates.ts';
import { latestEvidence, verifiedOn } from '../model/evidence.ts';
import type { FileKind } from '../model/policy.ts';
import type { VersionsCheck } from './versions-check.ts';

/** Evidence older than this, counted back from today, is stale. */
export const EVIDENCE_MAX_AGE_DAYS = 90;

export const checkEvidence: VersionsCheck = (versions, { evidenceDir, gatewayVersion = null, today }) => {
  if (evidenceDir === undefined) return [];
  const { files, problems } = loadEvidence(evidenceDir);
  versions.forEach((version, index) => {
    const found = latestEvidence(files, version.version);
    if (!found) return;
    found.evidence.checks.forEach((check, i) => {
      if (check.status !== 'fail') return;
      const [stem, ...keys] = CHECKS[check.id].field.split('.');
      const params = { claim: check.claim, did: check.did, check: check.id, evidence: found.file };
      // A check may locate its claim finer than its field, or in another file (the 429 timing sits on latency.yaml's objective).
      const [, fileName, line] = /([^/\\]+)\.yaml:(\d+)$/.exec(check.location) ?? [];
      const source = version.files[(fileName ?? stem) as FileKind] ?? version.files[stem as FileKind];
      if (!source) problems.push(found.source.problemAtPath(['checks', i, 'did'], 'evidence-check-failed', params));
      // The check's own location (its objective's line, say) is finer than its field's.
      else if (fileName !== undefined && line !== undefined) problems.push(source.problemAtLine(Number(line), 1, 'evidence-check-failed', params));
      else problems.push(source.problemAtPath(keys.map((k) => k.replace('[]', '')), 'evidence-check-failed', params));
    });
    if (index !== versions.length - 1) return;
    const days = daysBetween(verifiedOn(found.evidence), today);
    if (days > EVIDENCE_MAX_AGE_DAYS) problems.push(found.source.problemAtPath(['taken_at'], 'evidence-stale', { evidence: found.file, version: version.version, days, limit: EVIDENCE_MAX_AGE_DAYS }));
    const verified = found.evidence.gateway.version;
    if (found.evidence.gateway.target === 'reference' && gatewayVersion !== null && verified !== gatewayVersion) {
      problems.push(found.source.problemAtPath(['gateway', 'version'], 'evidence-other-gateway', { evidence: found.file, verified: verified ?? 'unknown', current: gatewayVersion }));
    }
  });
  return problems satisfies Problem[];
};
