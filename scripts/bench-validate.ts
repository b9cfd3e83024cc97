/**
 * `npm run bench:validate`: wall time of cold CLI processes: `slapage --help` (target 150 ms) and `slapage validate` on
 * the example (target 300 ms) as a vendor runs them, from the packed JavaScript in lib/ (built first with
 * scripts/pack-engine.ts), then `npm run validate` and the TypeScript sources on the example and on 50 generated versions.
 * Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
