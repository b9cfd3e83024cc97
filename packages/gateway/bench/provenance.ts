/** Where a measurement was taken: git commit, gateway version, Node, CPU, kernel and load, read from the machine running the benchmark. */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

export interface Provenance {
  git_commit: string;
  git_dirty: boolean;
  gateway_version: string;
  node_version: string;
  cpu_model: string;
  cpu_count: number;
  kernel: string;
  load_average: [number, number, number];
  layout: string;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** `packageDir` is packages/gateway; `root` the repository holding it. */
export function provenance(root: string, packageDir: string, layout: string): Provenance {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const [one, five, fifteen] = os.loadavg().map((l) => Math.round(l * 100) / 100) as [number, number, number];
  return {
    git_commit: git(root, ['rev-parse', 'HEAD']) || '0000000',
    git_dirty: git(root, ['status', '--porcelain', '--', packageDir]) !== '',
    gateway_version: pkg.version,
    node_version: process.version,
    cpu_model: os.cpus()[0]?.model.trim() || 'unknown',
    cpu_count: os.availableParallelism(),
    kernel: `${os.type()} ${os.release()}`,
    load_average: [one, five, fifteen],
    layout,
  };
}
