/**
 * `npm run bench:uptime`: five years of one-minute `slapage probe` results (2,629,440 rows in 60 monthly
 * probe-YYYY-MM.csv files, with an outage every few days) generated in a temp folder, then imported and summarised
 * per calendar month (loadUptime + uptimeWindows) in a fresh process, BENCH_RUNS times (default 3). Prints the wall
 * time of the import and summary and the process's peak resident memory (targets: 2 s, 200 MB). Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadUptime } from '../src/load/uptime/load-uptime.ts';
import { uptimeWindows } from '../src/model/uptime-windows.ts';

const root = resolve(import.meta.dirname, '..');
const START = Date.UTC(2021, 11, 1);
const MONTHS = 60;

function generate(dir: string): number {
  let rows = 0;
  // A fixed pseudo-random sequence (LCG) so every run measures the same data.
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let downUntil = 0;
  for (let m = 0; m < MONTHS; m++) {
    const from = Date.UTC(2021, 11 + m, 1);
    const to = Date.UTC(2021, 12 + m, 1);
    const lines = ['time,outcome,status,latency_ms,detail'];
    for (let t = from; t < to; t += 60_000) {
      if (t >= downUntil && next() < 1 / 50000) downUntil = t + Math.floor(1 + next() * 30) * 60_000;
      const iso = new Date(t).toISOString().replace('.000Z', 'Z');
      lines.push(t < downUntil ? `${iso},down,503,${(5 + next() * 10).toFixed(1)},http-5xx` : `${iso},up,200,${(8 + next() * 20).toFixed(1)},`);
      rows++;
    }
    writeFileSync(join(dir, `probe-${new Date(from).toISOString().slice(0, 7)}.csv`), lines.join('\n') + '\n');
  }
  return rows;
}

/** In the child: import and summarise once, print milliseconds, peak RSS and what was found. */
function run(dir: string): void {
  const started = performance.now();
  const { sources, problems } = loadUptime(dir);
  const windows = uptimeWindows({
    sources,
    versions: [{ version: '1.0', effective: '2021-01-01', uptime: { target_percent: 99.95, window: 'calendar-month', scope: 's', measurement: 'm', exclusions: [] }, credits: { basis: 'fees', tiers: [{ below_percent: 99.95, credit_percent: 10 }], claim_window_days: 30, max_credit_percent: 10, claim_process: 'mail' } }],
    now: START + MONTHS * 31 * 86_400_000,
  });
  const ms = performance.now() - started;
  const missed = windows.filter((w) => !w.met).length;
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, windows: windows.length, missed, problems: problems.length }) + '\n');
}

if (process.argv[2] === '--run') {
  run(process.argv[3]!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'slapage-bench-uptime-'));
  try {
    const rows = generate(dir);
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const results: { ms: number; rssMb: number; windows: number; missed: number; problems: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const child = spawnSync(process.execPath, [import.meta.filename, '--run', dir], { cwd: root, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      results.push(JSON.parse(child.stdout) as (typeof results)[number]);
    }
    const last = results.at(-1)!;
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`bench:uptime — ${rows.toLocaleString('en-US')} probe rows in ${MONTHS} files; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`);
    console.log(`  import + monthly summary: median ${ms[ms.length >> 1]!.toFixed(0)} ms (runs ${ms.map((m) => m.toFixed(0)).join(', ')} ms; target ≤ 2000 ms)`);
    console.log(`  peak resident memory: ${Math.max(...results.map((r) => r.rssMb)).toFixed(0)} MB (target ≤ 200 MB)`);
    console.log(`  ${last.windows} windows, ${last.missed} below target, ${last.problems} problems`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
