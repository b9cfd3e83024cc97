/**
 * NDA-only content: the SOC 2 and penetration-test annexes, which annex the edition carries (its number, file, range,
 * dates), the confidentiality stamp and the diagonal watermark.
 */
import { annexLabel, annexPath, annexRange, type AnnexRef, type Nda } from '../model/nda.ts';
import type { Doc } from './document.ts';
import { plural, series } from '../model/units.ts';
import { colors, facts, paragraph, sectionHeading, subheading } from './layout.ts';
import { table } from './table.ts';

/** Destinations and titles of the annexes, for the outline and the cover's contents. */
export const annexes = [
  { id: 'annex-soc2', title: 'Annex A — SOC 2 Type II report summary', aliases: [] },
  { id: 'annex-pentest', title: 'Annex B — Penetration test summary', aliases: [] },
] as const;

/** The annex an NDA edition carries, as the edition names it. */
export interface EditionAnnex extends AnnexRef {
  /** `annex.updated` of an annex file. */
  readonly updated?: string | undefined;
  /** The day the annex file was released; undefined for a draft annex or a version's own nda.yaml. */
  readonly released?: string | undefined;
}

/** The line at the top and bottom of every page; with the annex, it names the public version and the annex it carries. */
export function ndaStamp(recipient: string, date: string, contents?: { readonly version: string; readonly annex: AnnexRef }): string {
  const stamp = `Confidential — provided under NDA to ${recipient} on ${date}`;
  return contents ? `${stamp} · v${contents.version} with ${annexLabel(contents.annex)}` : stamp;
}

/** The name the annex's source file is attached under: nda.yaml as before for a version's own, nda-annex-N.yaml for an annex file. */
export function annexAttachmentName(annex: AnnexRef): string {
  return annex.source === 'annex-file' ? `nda-annex-${annex.id}.yaml` : 'nda.yaml';
}

/** What the attachment is, for its description. */
export function annexAttachmentNote(annex: AnnexRef): string {
  return `${annexLabel(annex)}: policy/${annexPath(annex)}`;
}

/** The cover's rows about the annex. */
export function annexFacts(annex: EditionAnnex): [string, string][] {
  const rows: [string, string][] = [
    ['NDA annex', `${annexLabel(annex).replace(/^NDA annex /, '')} (policy/${annexPath(annex)})`],
    ['Annex applies to', annexRange(annex)],
  ];
  if (annex.updated) rows.push(['Annex updated', annex.updated]);
  if (annex.source === 'annex-file') rows.push(['Annex released', annex.released ?? 'not released (draft)']);
  return rows;
}

export function renderAnnexes(doc: Doc, nda: Nda): void {
  const [soc2, pentest] = annexes;
  doc.addPage();
  sectionHeading(doc, soc2);
  facts(doc, [
    ['Auditor', nda.soc2.auditor],
    ['Observation period', `${nda.soc2.period_start} to ${nda.soc2.period_end}`],
    ['Opinion', nda.soc2.opinion[0]!.toUpperCase() + nda.soc2.opinion.slice(1)],
    ['Trust services criteria', series(nda.soc2.criteria)],
    ['Exceptions noted', String(nda.soc2.exceptions.length)],
  ]);
  paragraph(doc, nda.soc2.summary);
  if (nda.soc2.exceptions.length > 0) {
    subheading(doc, 'Exceptions and management’s response');
    table(
      doc,
      [{ header: 'Control', width: 0.22 }, { header: 'Finding', width: 0.39 }, { header: 'Response', width: 0.39 }],
      nda.soc2.exceptions.map((e) => [e.control, e.finding, e.response]),
    );
  }

  sectionHeading(doc, pentest);
  const { findings } = nda.pentest;
  facts(doc, [
    ['Tester', nda.pentest.tester],
    ['Report date', nda.pentest.date],
    ['Scope', nda.pentest.scope],
    ['Findings', plural(findings.critical + findings.high + findings.medium + findings.low, 'finding')],
  ]);
  table(
    doc,
    [{ header: 'Severity', width: 0.5 }, { header: 'Findings', width: 0.5, align: 'right' }],
    (['critical', 'high', 'medium', 'low'] as const).map((s) => [s[0]!.toUpperCase() + s.slice(1), String(findings[s])]),
  );
  subheading(doc, 'Remediation');
  paragraph(doc, nda.pentest.remediation);
}

/** A light diagonal watermark across the page; transparent, so the text under it stays readable. */
export function watermark(text: string): (doc: Doc) => void {
  return (doc) => {
    const { width, height } = doc.page;
    doc.save();
    doc.rotate(-50, { origin: [width / 2, height / 2] });
    doc.font('bold').fontSize(26).fillColor(colors.stamp).fillOpacity(0.12);
    const lineWidth = height * 0.95;
    doc.text(text, width / 2 - lineWidth / 2, height / 2 - 40, { width: lineWidth, align: 'center', lineBreak: true, height: 120 });
    doc.restore();
  };
}
