/**
 * content/uptime/ against the published versions: a malformed source is an error (loadUptime locates it); a
 * finished window below its target is a warning, because incidents.yaml has no list of past incidents to account
 * for it (it holds response targets only; slapage does not add one: a post-mortem belongs on the status page);
 * a record after the build date, or before the first released version took effect, is a warning (it is not counted).
 */
import { loadUptime, resolveUptimeDir } from '../load/uptime/load-uptime.ts';
import { SourceFile } from '../load/source-file.ts';
import { isoSeconds, type UptimeSource } from '../model/uptime-history.ts';
import { uptimeWindows } from '../model/uptime-windows.ts';
import { percent } from '../model/units.ts';
import type { VersionsCheck } from './versions-check.ts';
import { addDays } from '../model/dates.ts';
import { join, relative } from 'node:path';

export const checkUptime: VersionsCheck = (versions, { uptimeDir, today, releases }) => {
  if (versions.length === 0) return [];
  const dir = uptimeDir ?? resolveUptimeDir(join(versions[0]!.dir, '..'));
  const { sources, problems } = loadUptime(dir);
  if (sources.length === 0) return problems;
  const released = versions.filter((v) => v.version in releases);
  const inForce = (released.length > 0 ? released : versions).map((v) => ({ version: v.version, effective: v.policy.meta.effective, uptime: v.policy.uptime, credits: v.policy.credits }));
  const now = Date.parse(`${addDays(today, 1)}T00:00:00Z`);
  const first = inForce.reduce((min, v) => (v.effective < min.effective ? v : min));
  const firstMs = Date.parse(`${first.effective}T00:00:00Z`);
  const fileOf = (s: UptimeSource) => new SourceFile(relative(process.cwd(), join(dir, s.provenance.file)) || s.provenance.file, '');
  for (const source of sources) {
    const times = [...source.records.flatMap((r) => [r.start, r.end]), ...source.totals.flatMap((t) => [t.start]), ...(source.coverage ?? []).flatMap((c) => [c.start, c.end]), ...(source.earliest !== undefined ? [source.earliest] : [])].filter(Number.isFinite);
    const late = times.filter((t) => t > now);
    if (late.length > 0) problems.push(fileOf(source).problemAtLine(1, 1, 'uptime-record-future', { file: source.provenance.file, at: isoSeconds(Math.min(...late)), today }));
    const early = times.filter((t) => t < firstMs);
    if (early.length > 0) problems.push(fileOf(source).problemAtLine(1, 1, 'uptime-record-outside-versions', { file: source.provenance.file, at: isoSeconds(Math.min(...early)), version: first.version, effective: first.effective }));
  }
  for (const w of uptimeWindows({ sources, versions: inForce, now })) {
    if (w.met || w.to_date) continue;
    const source = sources[w.sources[0]!]!;
    problems.push(
      fileOf(source).problemAtLine(1, 1, 'uptime-missed-no-incident', {
        window: w.window,
        availability: percent(Math.floor(w.availability_percent * 1000) / 1000),
        target: percent(w.target_percent),
        version: w.version,
        why: 'incidents.yaml records no incidents (it holds response targets, not a list of past incidents)',
      }),
    );
  }
  return problems;
};
