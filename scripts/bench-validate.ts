/**
 * `npm run bench:validate`: wall time of cold CLI processes: `slapage --help` (target 150 ms) and `slapage validate` on
 * the example (target 300 ms) as a vendor runs them: first from the installed package (`npm pack`, the tarball installed
 * into a temporary folder with the example project: policy/ and content/), `node node_modules/slapage/lib/cli/main.js`,
 * timed round-robin with bare `node -e 0` so a shared machine's load hits all alike (ratios printed); then from lib/ in
 * the repository, `npm run validate` and the TypeScript sources on the example and on 50 generated versions.
 * Prints figures and the load average; asserts nothing. BENCH_RUNS (default 7) runs each; set BENCH_SKIP_PACK=1 to skip the tarball.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeGeneratedPolicy } from './generate-policy.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GENERATED = 50;

interface Case {
  readonly name: string;
  readonly target: number;
  readonly policy: string;
}

function time(command: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The goal's own method: the packed tarball installed as a vendor installs it, the example project beside it, and
 * `validate`, `--help` and bare Node timed in turn (run i of each back to back), so the ratios hold under load.
 */
function installedPackage(env: NodeJS.ProcessEnv): void {
  const vendor = join(work, 'vendor');
  cpSync(join(root, 'policy'), join(vendor, 'policy'), { recursive: true });
  cpSync(join(root, 'content'), join(vendor, 'content'), { recursive: true });
  writeFileSync(join(vendor, 'package.json'), JSON.stringify({ name: 'bench-vendor', private: true }) + '\n');
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: root, env, stdio: 'ignore' });
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: vendor, env, stdio: 'ignore' });
  const bin = join(vendor, 'node_modules/slapage/lib/cli/main.js');
  const runs: Record<string, readonly string[]> = { 'node -e 0 (bare Node)': ['-e', '0'], 'slapage --help': [bin, '--help'], 'slapage validate': [bin, 'validate'] };
  const times = Object.fromEntries(Object.keys(runs).map((name) => [name, [] as number[]]));
  // One discarded round fills Node's compile cache, as any run after a vendor's first does.
  for (let i = 0; i <= RUNS; i++) {
    for (const [name, args] of Object.entries(runs)) {
      const ms = timeIn(vendor, args, env);
      if (i > 0) times[name]!.push(ms);
    }
  }
  const bare = median(times['node -e 0 (bare Node)']!);
  process.stdout.write(`installed from the packed tarball (npm pack; npm install), example project (policy/ and content/), ${RUNS} round-robin runs after one discarded:\n`);
  for (const [name, values] of Object.entries(times)) {
    const target = name === 'slapage validate' ? 300 : name === 'slapage --help' ? 150 : undefined;
    const verdict = target === undefined ? '' : median(values) <= target ? `within ${target} ms target` : `OVER ${target} ms target`;
    process.stdout.write(`  ${name.padEnd(49)} median ${median(values).toFixed(0).padStart(5)} ms  min ${Math.min(...values).toFixed(0).padStart(5)} ms  ${(median(values) / bare).toFixed(1).padStart(5)}x bare Node  ${verdict}\n`);
  }
  process.stdout.write(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n`);
}

function timeIn(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  const ms = performance.now() - start;
  // validate exits 1 only for errors; the example has warnings alone.
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status} in ${cwd}`);
  return ms;
}

const work = mkdtempSync(join(tmpdir(), 'slapage-bench-validate-'));
try {
  const generated = join(work, 'policy');
  writeGeneratedPolicy(generated, GENERATED);
  const cases: Case[] = [
    { name: 'example (policy/)', target: 500, policy: join(root, 'policy') },
    { name: `${GENERATED} generated versions`, target: 1000, policy: generated },
  ];
  const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, NODE_COMPILE_CACHE: join(work, 'compile-cache') };
  process.stdout.write(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, kernel ${release()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  process.stdout.write(`${RUNS} runs each; "first" is with an empty Node compile cache, median/min over the rest\n\n`);
  if (!process.env.BENCH_SKIP_PACK) installedPackage(env);
  execFileSync(process.execPath, [join(root, 'scripts/pack-engine.ts')], { stdio: 'ignore' });
  const packed = join(root, 'lib/cli/main.js');
  for (const [name, target, args] of [
    ['slapage --help (lib/)', 150, ['--help']],
    ['slapage validate (lib/)', 300, ['validate', '--policy', join(root, 'policy')]],
  ] as const) {
    rmSync(env.NODE_COMPILE_CACHE, { recursive: true, force: true });
    const first = time(process.execPath, [packed, ...args], env);
    const rest = Array.from({ length: RUNS }, () => time(process.execPath, [packed, ...args], env));
    const verdict = median(rest) <= target ? `within ${target} ms target` : `OVER ${target} ms target`;
    process.stdout.write(`${name.padEnd(51)} first ${first.toFixed(0).padStart(5)} ms  median ${median(rest).toFixed(0).padStart(5)} ms  min ${Math.min(...rest).toFixed(0).padStart(5)} ms  ${verdict}\n`);
  }
  for (const c of cases) {
    for (const [how, command, args] of [
      ['npm run validate', 'npm', ['run', '-s', 'validate', '--', '--policy', c.policy]],
      ['node src/cli/main.ts validate', process.execPath, ['src/cli/main.ts', 'validate', '--policy', c.policy]],
    ] as const) {
      rmSync(env.NODE_COMPILE_CACHE, { recursive: true, force: true });
      const first = time(command, args, env);
      const rest = Array.from({ length: RUNS }, () => time(command, args, env));
      const verdict = how.startsWith('npm') ? (median(rest) <= c.target ? `within ${c.target} ms target` : `OVER ${c.target} ms target`) : '';
      process.stdout.write(
        `${c.name.padEnd(24)} ${how.padEnd(26)} first ${first.toFixed(0).padStart(5)} ms  median ${median(rest).toFixed(0).padStart(5)} ms  min ${Math.min(...rest).toFixed(0).padStart(5)} ms  ${verdict}\n`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
