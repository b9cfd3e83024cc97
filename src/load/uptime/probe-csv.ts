/**
 * content/uptime/probe-YYYY-MM.csv, format 1, as `slapage probe` appends it: a header
 * `time,outcome,status,latency_ms,detail`, then one row per sample, oldest first:
 * `2026-12-04T21:01:00Z,down,503,8.1,http-5xx` (time UTC to the second or finer; outcome up or down; status the
 * HTTP status or empty; latency_ms a number; detail free text, the rest of the line). Parsed in one pass over the
 * text without splitting it into lines or row objects: five years of one-minute samples are 2.6 million rows.
 *
 * A sample stands for the time until the next one, at most PROBE_SAMPLE_MAX_MS (longer gaps are no data): each
 * file's last sample is left open for loadUptime to close against the next file's first.
 */
import { PROBE_SAMPLE_MAX_MS, type Span } from '../../model/uptime-history.ts';
import { atLine } from './located.ts';

export const PROBE_HEADER = 'time,outcome,status,latency_ms,detail';

export interface ProbeRead {
  /** Where samples stand, merged, the last sample excluded. */
  readonly coverage: Span[];
  /** Where down samples stand, merged, the last sample excluded. */
  readonly down: Span[];
  /** The last sample, still open. */
  readonly last: { readonly time: number; readonly down: boolean } | undefined;
  readonly first: number | undefined;
  readonly rows: number;
}

const c0 = 48;

export function readProbeCsv(text: string): ProbeRead {
  const headerEnd = lineEnd(text, 0);
  if (text.slice(0, headerEnd).replace(/\r$/, '') !== PROBE_HEADER) throw atLine(1, 1, `the first line must be the header ${PROBE_HEADER}`);
  const coverage: Span[] = [];
  const down: Span[] = [];
  let prev = NaN;
  let prevDown = false;
  let first: number | undefined;
  let rows = 0;
  let line = 1;
  const close = (until: number) => {
    const end = Math.min(until, prev + PROBE_SAMPLE_MAX_MS);
    push(coverage, prev, end);
    if (prevDown) push(down, prev, end);
  };
  for (let at = headerEnd + 1; at < text.length; ) {
    line++;
    const end = lineEnd(text, at);
    let stop = end;
    if (text.charCodeAt(stop - 1) === 13) stop--;
    if (stop === at) {
      at = end + 1;
      continue;
    }
    const c1 = text.indexOf(',', at);
    if (c1 === -1 || c1 > stop) throw atLine(line, 1, `expected 5 fields (${PROBE_HEADER})`);
    const time = parseUtc(text, at, c1);
    if (Number.isNaN(time)) throw atLine(line, 1, `time ${JSON.stringify(text.slice(at, c1))} is not a UTC timestamp like 2026-12-04T21:00:00Z`);
    if (time <= prev) throw atLine(line, 1, `time ${text.slice(at, c1)} is not after the row before; rows are appended oldest first`);
    const c2 = text.indexOf(',', c1 + 1);
    if (c2 === -1 || c2 > stop) throw atLine(line, c1 + 2 - at, `expected 5 fields (${PROBE_HEADER})`);
    const outcomeLength = c2 - c1 - 1;
    const isDown = outcomeLength === 4 && text.startsWith('down', c1 + 1);
    if (!isDown && !(outcomeLength === 2 && text.startsWith('up', c1 + 1))) throw atLine(line, c1 + 2 - at, `outcome ${JSON.stringify(text.slice(c1 + 1, c2))} is neither up nor down`);
    const c3 = text.indexOf(',', c2 + 1);
    if (c3 === -1 || c3 > stop) throw atLine(line, c2 + 2 - at, `expected 5 fields (${PROBE_HEADER})`);
    for (let i = c2 + 1; i < c3; i++) {
      const d = text.charCodeAt(i) - c0;
      if (d < 0 || d > 9 || c3 - c2 - 1 !== 3) throw atLine(line, c2 + 2 - at, `status ${JSON.stringify(text.slice(c2 + 1, c3))} is not an HTTP status (or empty)`);
    }
    const c4 = text.indexOf(',', c3 + 1);
    if (c4 === -1 || c4 > stop) throw atLine(line, c3 + 2 - at, `expected 5 fields (${PROBE_HEADER})`);
    if (!isNumber(text, c3 + 1, c4)) throw atLine(line, c3 + 2 - at, `latency_ms ${JSON.stringify(text.slice(c3 + 1, c4))} is not a number of milliseconds`);
    if (first === undefined) first = time;
    else close(time);
    prev = time;
    prevDown = isDown;
    rows++;
    at = end + 1;
  }
  return { coverage, down, last: first === undefined ? undefined : { time: prev, down: prevDown }, first, rows };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

function push(spans: Span[], start: number, end: number): void {
  const last = spans.at(-1);
  if (last && last.start <= start && start <= last.end) (last as { end: number }).end = Math.max(last.end, end);
  else spans.push({ start, end });
}

/** A non-negative decimal: digits with at most one dot. */
function isNumber(text: string, from: number, to: number): boolean {
  if (to === from) return false;
  let dot = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !dot) dot = true;
    else if (c < 48 || c > 57) return false;
  }
  return true;
}

const digits = (text: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - c0;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/** "YYYY-MM-DDTHH:MM:SS[.fff]Z" between from and to, as epoch ms; NaN when it is not one. Date.parse is a third of the import's time. */
export function parseUtc(text: string, from: number, to: number): number {
  if (to - from < 20 || text.charCodeAt(to - 1) !== 90 || text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45 || text.charCodeAt(from + 10) !== 84 || text.charCodeAt(from + 13) !== 58 || text.charCodeAt(from + 16) !== 58) return NaN;
  const year = digits(text, from, 4);
  const month = digits(text, from + 5, 2);
  const day = digits(text, from + 8, 2);
  const hour = digits(text, from + 11, 2);
  const minute = digits(text, from + 14, 2);
  const second = digits(text, from + 17, 2);
  let ms = 0;
  if (to - from > 20) {
    if (text.charCodeAt(from + 19) !== 46 || to - from > 30) return NaN;
    const fraction = digits(text, from + 20, to - from - 21);
    if (Number.isNaN(fraction)) return NaN;
    ms = Math.floor(fraction / 10 ** (to - from - 24));
  }
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
