/**
 * The Document: every section of a version as an ordered list of typed blocks, every figure already derived and
 * worded. The page (src/components/Blocks.astro) and the PDF (src/pdf/blocks.ts) draw it; neither words a value.
 */
import type { Section } from '../model/sections.ts';
import type { UptimeChartBlock } from './uptime-block.ts';

/** A run of inline content inside a paragraph, list item, definition or table cell. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  /** A policy value or a figure derived from one, worded; `source` is the policy path it states. */
  | { readonly kind: 'value'; readonly text: string; readonly source?: string; readonly mono?: boolean }
  /** https:, mailto: or an in-page "#anchor"; nothing else reaches an href. */
  | { readonly kind: 'link'; readonly href: string; readonly runs: readonly Inline[] }
  | { readonly kind: 'emphasis'; readonly strong: boolean; readonly runs: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  /** Secondary detail set smaller and muted (a file's SHA-256 beside its link). */
  | { readonly kind: 'secondary'; readonly runs: readonly Inline[] };

/** Where a block appears: both renderings unless it only makes sense in one (the page's download links). */
export type Medium = 'page' | 'pdf';

interface BlockBase {
  readonly only?: Medium;
}

export interface HeadingBlock extends BlockBase {
  readonly type: 'heading';
  readonly text: string;
  /** An id for the page (e.g. "at-a-glance"); never a section anchor. */
  readonly id?: string;
}

export interface ParagraphBlock extends BlockBase {
  readonly type: 'paragraph';
  readonly runs: readonly Inline[];
  /** How it is set: the section's opening statement, a worked example, a measurement's provenance. */
  readonly style?: 'lead' | 'worked-example' | 'provenance';
}

export interface Definition {
  readonly term: string;
  readonly runs: readonly Inline[];
  /** The policy path the line states. */
  readonly source?: string;
}

export interface DefinitionsBlock extends BlockBase {
  readonly type: 'definitions';
  readonly items: readonly Definition[];
}

export interface Column {
  readonly header: string;
  /** Figures, right-aligned. */
  readonly numeric?: boolean;
  /** Identifiers in the fixed-width face. */
  readonly mono?: boolean;
  /** Share of the PDF's content width; the shares of a table add up to 1. */
  readonly width: number;
}

export interface TableBlock extends BlockBase {
  readonly type: 'table';
  readonly caption: string;
  readonly columns: readonly Column[];
  /** Each row's first cell heads the row. */
  readonly rows: readonly (readonly (readonly Inline[])[])[];
}

export interface ListBlock extends BlockBase {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly (readonly Inline[])[];
  /** The page's class for the list ("output-links", "exclusions"). */
  readonly style?: 'output-links' | 'exclusions' | 'at-a-glance';
}

export interface CodeBlock extends BlockBase {
  readonly type: 'code';
  readonly text: string;
}

/** A statement set apart: the rate-limit contract sentence, a vendor's callout. */
export interface NoticeBlock extends BlockBase {
  readonly type: 'notice';
  readonly runs: readonly Inline[];
}

/** A captioned illustration: a sample request or response derived from the policy. */
export interface FigureBlock extends BlockBase {
  readonly type: 'figure';
  readonly caption: string;
  readonly code: string;
}

export type Block = HeadingBlock | ParagraphBlock | DefinitionsBlock | TableBlock | ListBlock | CodeBlock | NoticeBlock | FigureBlock | UptimeChartBlock;

/** A section of src/model/sections.ts (anchor, title, aliases) with its blocks. */
export interface DocumentSection extends Section {
  readonly blocks: readonly Block[];
}

export interface Document {
  readonly sections: readonly DocumentSection[];
}

/** Inline builders, so section code reads as prose. */
export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const value = (worded: string, source?: string, mono?: boolean): Inline => ({ kind: 'value', text: worded, ...(source ? { source } : {}), ...(mono ? { mono } : {}) });
export const strong = (...runs: Inline[]): Inline => ({ kind: 'emphasis', strong: true, runs });
export const link = (href: string, ...runs: Inline[]): Inline => ({ kind: 'link', href: safeHref(href), runs });

/** https, mailto and in-page anchors only: a policy URL with another scheme never becomes a link. */
export function safeHref(href: string): string {
  if (href.startsWith('#') || href.startsWith('/')) return href;
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'mailto:') throw new Error(`refusing to link a non-https URL: ${JSON.stringify(href)}`);
  return url.protocol === 'mailto:' ? href : url.href;
}

/** The plain text of runs, as a reader sees it. */
export function plainText(runs: readonly Inline[]): string {
  return runs.map((run) => ('runs' in run ? plainText(run.runs) : run.text)).join('');
}

/** The blocks a medium shows. */
export function blocksFor(blocks: readonly Block[], medium: Medium): Block[] {
  return blocks.filter((block) => block.only === undefined || block.only === medium);
}
