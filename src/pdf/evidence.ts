/** The PDF's evidence lines: at the end of each section what backs its claims, and in the summary the legend; the same plain words as the page's badges (src/claims/evidence-badges.ts), without internal check ids. */
import { BADGE_LEGEND, badges } from '../claims/evidence-badges.ts';
import { claimLines } from '../claims/evidence-view.ts';
import type { EvidenceFile } from '../model/evidence.ts';
import type { Policy } from '../model/policy.ts';
import type { Doc } from './document.ts';
import { facts, paragraph } from './layout.ts';

export function renderClaimEvidence(doc: Doc, kind: string, policy: Policy, evidence: EvidenceFile | undefined): void {
  if (kind === 'meta') {
    paragraph(doc, 'How the claims in this document are backed. Each section ends with what backs its claims:');
    facts(doc, BADGE_LEGEND.map((l) => [l.term, l.text] as const));
    if (evidence) {
      const g = evidence.evidence.gateway;
      paragraph(doc, `Evidence for this version: ${evidence.file}, gateway ${g.version ?? 'of unknown version'}${g.commit ? ` at commit ${g.commit.slice(0, 12)}` : ''}.`);
    }
    return;
  }
  const list = badges(claimLines(kind, policy, evidence?.evidence));
  if (list.length > 0) facts(doc, list.map((b) => [b.term, b.claims.join('; ')] as const));
}
