/**
 * content/uptime/*.csv with the header `start,end,component,impact` (format 1), optionally `,announced`: one outage
 * or maintenance window a line, times ISO 8601 UTC ("2026-11-03T14:05:00Z"); `end` empty while it lasts; impact in
 * Statuspage's words: `major` and `critical` are downtime, `minor` and `none` are not, `maintenance` is a maintenance
 * window (`announced`: when it was announced, for the maintenance exclusion's notice). Fields may be "quoted".
 */
import type { UptimeRecord } from '../../model/uptime-history.ts';
import { csvFields } from './csv.ts';
import { atLine, timestamp } from './located.ts';

export const OUTAGES_HEADER = 'start,end,component,impact';
const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;

export interface OutagesRead {
  readonly records: UptimeRecord[];
  readonly earliest: number | undefined;
  readonly latest: number | undefined;
}

export function readOutagesCsv(text: string): OutagesRead {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines[0] ?? '';
  const announcedColumn = header === `${OUTAGES_HEADER},announced`;
  if (header !== OUTAGES_HEADER && !announcedColumn) throw atLine(1, 1, `the first line must be the header ${OUTAGES_HEADER} (or ${OUTAGES_HEADER},announced)`);
  const records: UptimeRecord[] = [];
  let earliest: number | undefined;
  let latest: number | undefined;
  const seen = (ms: number, starts = true) => {
    if (starts) earliest = earliest === undefined ? ms : Math.min(earliest, ms);
    latest = latest === undefined ? ms : Math.max(latest, ms);
  };
  const width = announcedColumn ? 5 : 4;
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const parsed = csvFields(raw);
    if (!parsed || parsed.fields.length !== width) throw atLine(line, 1, `expected ${width} fields (${header})`);
    const { fields, columns } = parsed;
    const [startText = '', endText = '', component = '', impactText = '', announcedText = ''] = fields;
    const start = timestamp(startText, false);
    if (start === undefined) throw atLine(line, columns[0]!, `start ${JSON.stringify(startText)} is not a UTC time like 2026-11-03T14:05:00Z`);
    const end = endText === '' ? Infinity : timestamp(endText, false);
    if (end === undefined) throw atLine(line, columns[1]!, `end ${JSON.stringify(endText)} is not a UTC time like 2026-11-03T14:35:00Z (or empty while the outage lasts)`);
    if (end <= start) throw atLine(line, columns[1]!, `end ${endText} is not after start ${startText}`);
    const impact = impactText as (typeof IMPACTS)[number];
    if (!IMPACTS.includes(impact)) throw atLine(line, columns[3]!, `impact ${JSON.stringify(impactText)} is not one of ${IMPACTS.join(', ')}`);
    const announced = announcedText === '' ? undefined : timestamp(announcedText, false);
    if (announcedText !== '' && announced === undefined) throw atLine(line, columns[4]!, `announced ${JSON.stringify(announcedText)} is not a UTC time like 2026-11-01T09:00:00Z`);
    seen(start);
    if (Number.isFinite(end)) seen(end);
    // An announcement is not an observation: the list's coverage starts with its first outage.
    if (announced !== undefined) seen(announced, false);
    if (impact === 'none' || impact === 'minor') return;
    records.push({ kind: impact === 'maintenance' ? 'maintenance' : 'down', start, end, ...(component ? { component } : {}), ...(announced !== undefined ? { announced } : {}) });
  });
  return { records, earliest, latest };
}
