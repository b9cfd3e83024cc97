/**
 * Evidence as the page shows it at a glance: one compact badge per kind of backing in a section ("Verified 2026-11-30",
 * "Measured", "Organisational commitment", "Not verified"), each with the claims it backs by their labels only (no
 * internal check ids), and a short legend. Worded once, here, from src/claims/evidence-view.ts's claim lines. Pure.
 */
import type { Backing, ClaimLine } from './evidence-view.ts';

export type BadgeKind = Backing | 'measured';

export interface Badge {
  readonly kind: BadgeKind;
  /** The badge's words ("Verified 2026-11-30"). */
  readonly term: string;
  /** The labels of the claims it backs. */
  readonly claims: readonly string[];
}

const ORDER: readonly BadgeKind[] = ['verified', 'measured', 'failed', 'organisational', 'not-verified'];

export function badgeTerm(kind: BadgeKind, date?: string): string {
  switch (kind) {
    case 'verified':
      return `Verified ${date}`;
    case 'failed':
      return `Failed verification ${date}`;
    case 'measured':
      return 'Measured';
    case 'organisational':
      return 'Organisational commitment';
    case 'not-verified':
      return 'Not verified';
  }
}

/** The badges of a section: its claim lines grouped by backing, plus "Measured" when the section shows a measurement. */
export function badges(lines: readonly ClaimLine[], measured?: { readonly label: string; readonly date: string }): Badge[] {
  return ORDER.flatMap((kind): Badge[] => {
    if (kind === 'measured') return measured ? [{ kind, term: `${badgeTerm(kind)} ${measured.date}`, claims: [measured.label] }] : [];
    const group = lines.filter((l) => l.backing === kind);
    return group.length === 0 ? [] : [{ kind, term: badgeTerm(kind, group[0]!.date), claims: group.map((l) => l.label) }];
  });
}

/** The legend, shown once near the top of the page. */
export const BADGE_LEGEND: readonly { readonly kind: BadgeKind; readonly term: string; readonly text: string }[] = [
  { kind: 'verified', term: 'Verified DATE', text: 'an automated test sent requests to the gateway on that date and it behaved as this page says.' },
  { kind: 'measured', term: 'Measured', text: 'figures taken from the gateway itself; the section says how and when.' },
  { kind: 'organisational', term: 'Organisational commitment', text: 'kept by people, processes or contracts; no request can test it.' },
  { kind: 'not-verified', term: 'Not verified', text: 'a claim a request could test, with no passing test published for this version.' },
];
