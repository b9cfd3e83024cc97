/** Renders a comparison as plain text (terminal), Markdown (a pull-request comment) or JSON (the Change[]). */
import { days } from '../model/units.ts';
import type { Change } from './change.ts';
import { noticeOf, type Comparison } from './comparison.ts';
import type { NoticeCheck } from './notice.ts';

export const diffFormats = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof diffFormats)[number];

export function formatComparison(comparison: Comparison, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(comparison.changes, null, 2);
    case 'markdown':
      return markdown(comparison);
    case 'text':
      return text(comparison);
  }
}

const groupTitles = { weaker: 'Weaker', stronger: 'Stronger', neutral: 'Neutral' } as const;
const groupOrder = ['weaker', 'stronger', 'neutral'] as const;

/** One line on whether every material change got its notice. */
export function noticeStatus(comparison: Comparison): string {
  const { notice, noticeGiven } = comparison;
  if (notice.length === 0) return `no material changes, so no notice period applies (${days(noticeGiven)} given)`;
  const short = notice.filter((n) => !n.ok);
  const count = `${notice.length} material change${notice.length === 1 ? '' : 's'}`;
  const required = Math.max(...notice.map((n) => n.required));
  if (short.length === 0) return `${count}; ${days(noticeGiven)} of notice given, ${days(required)} required`;
  const earliest = short.map((n) => n.earliest).sort().at(-1);
  return `${count}, ${short.length} with too little notice: ${days(noticeGiven)} given, ${days(required)} required; the earliest allowed effective date is ${earliest}`;
}

function noticeNote(check: NoticeCheck | undefined): string {
  if (!check) return '';
  return check.ok ? `notice ok (${check.given} >= ${check.required} days)` : `NOTICE TOO SHORT (${check.given} < ${check.required} days; earliest ${check.earliest})`;
}

function text(c: Comparison): string {
  const lines = [`Policy changes ${c.from.version} -> ${c.to.version} (updated ${c.to.updated}, effective ${c.to.effective})`, ''];
  if (c.changes.length === 0) lines.push('No changes.', '');
  const marks = { weaker: '-', stronger: '+', neutral: '~' } as const;
  for (const group of groupOrder) {
    const changes = c.groups[group];
    if (changes.length === 0) continue;
    lines.push(`${groupTitles[group]} (${changes.length}):`);
    for (const change of changes) {
      const note = noticeNote(noticeOf(c, change));
      lines.push(`  ${marks[group]} ${change.summary}${change.material ? ' [material]' : ''}`, `      ${change.path}${note ? `  ${note}` : ''}`);
    }
    lines.push('');
  }
  lines.push(`Notice: ${noticeStatus(c)}`);
  return lines.join('\n');
}

function markdown(c: Comparison): string {
  const short = c.notice.some((n) => !n.ok);
  const lines = [
    `### Policy changes: ${md(c.from.version)} → ${md(c.to.version)}`,
    '',
    `Version ${md(c.to.version)} is published ${md(c.to.updated)} and takes effect ${md(c.to.effective)}.`,
    '',
    `${short ? '❌ **Notice too short**' : '✅ **Notice**'}: ${md(noticeStatus(c))}.`,
    '',
  ];
  if (c.changes.length === 0) lines.push('No changes.', '');
  for (const group of groupOrder) {
    const changes = c.groups[group];
    if (changes.length === 0) continue;
    lines.push(`#### ${groupTitles[group]} (${changes.length})`, '', '| Change | Path | Notice |', '| --- | --- | --- |');
    for (const change of changes) lines.push(row(change, noticeOf(c, change)));
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

function row(change: Change, check: NoticeCheck | undefined): string {
  const summary = `${change.material ? '**Material:** ' : ''}${md(change.summary)}`;
  const notice = !check ? '' : check.ok ? `✅ ${check.given} ≥ ${check.required} days` : `❌ ${check.given} < ${check.required} days, earliest ${check.earliest}`;
  return `| ${summary} | ${code(change.path)} | ${notice} |`;
}

/** Policy text as literal Markdown inside a line: inline punctuation escaped, no HTML, no @-mentions, one line. */
export function md(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200B');
}

/** A code span that survives backticks and table pipes in the text. */
export function code(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
