/** The page's sections: anchor ids (a contract with procurement templates), titles, aliases, order. */
import type { PublicKind } from './policy.ts';

export interface Section {
  /** Anchor id on the page, named destination in the PDF, `section` of a changelog entry. */
  readonly id: string;
  /** Heading shown on the page and in the PDF. */
  readonly title: string;
  /** The policy file whose values the section shows. */
  readonly kind: PublicKind;
  /** Extra anchors that land on the same section (procurement templates use them). */
  readonly aliases: readonly string[];
}

export const sections: readonly Section[] = [
  { id: 'summary', title: 'Summary', kind: 'meta', aliases: [] },
  { id: 'uptime', title: 'Uptime', kind: 'uptime', aliases: ['availability'] },
  { id: 'latency', title: 'Latency', kind: 'latency', aliases: ['performance'] },
  { id: 'auth', title: 'Authentication', kind: 'auth', aliases: ['authentication'] },
  { id: 'rbac', title: 'Access control', kind: 'rbac', aliases: [] },
  { id: 'rate-limits', title: 'Rate limits', kind: 'rate-limits', aliases: [] },
  { id: 'retention', title: 'Data retention', kind: 'retention', aliases: [] },
  { id: 'subprocessors', title: 'Sub-processors', kind: 'subprocessors', aliases: ['sub-processors'] },
  { id: 'compliance', title: 'Compliance', kind: 'compliance', aliases: [] },
  { id: 'incidents', title: 'Incidents', kind: 'incidents', aliases: [] },
  { id: 'credits', title: 'Service credits', kind: 'credits', aliases: [] },
  { id: 'changes', title: 'Changes to this policy', kind: 'changes', aliases: [] },
];

/** The section that shows a file kind's values. */
export function sectionOf(kind: PublicKind): Section {
  const found = sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no section for ${kind}`);
  return found;
}

/** Every anchor a page renders for procurement links: section ids and their aliases, sorted. */
export function publishedAnchors(): string[] {
  return sections.flatMap((s) => [s.id, ...s.aliases]).sort();
}
