/** CPU pinning for the benchmark's processes: which core each one runs on (`--pin`), applied with util-linux `taskset` when present; reports the placement actually achieved. */

import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** One placement for every process. */
export type Placement = 'apart' | 'together' | 'none';
/** `--pin`: one placement for the whole run, or `phased` (the default): each phase in the placement that suits it. */
export type Pin = Placement | 'phased';

export const PINS: readonly Pin[] = ['phased', 'apart', 'together', 'none'];

export type Phase = 'pairs' | 'rate' | 'saturation';

/**
 * `phased`: concurrency-1 pairs and saturation with every process on one core: pairs are strictly serial, so a second
 * core only adds cross-core wake-ups (hypervisor IPIs on a VM), and at saturation both paths then compete for the same
 * CPU, making the ratio one of CPU cost rather than of which process saturates its own core first. The constant-rate
 * runs overlap requests, so they are left to the scheduler on every core (pinned apart or together they measured worse
 * and less stable; see bench/README.md).
 */
export function placementFor(pin: Pin, phase: Phase): Placement {
  if (pin !== 'phased') return pin;
  return phase === 'rate' ? 'none' : 'together';
}

/** The CPU list (taskset syntax) for the load generator and for the server children, or null to leave them to the scheduler. */
export function cpusFor(pin: Placement, cpuCount: number): { client: string; servers: string } | null {
  if (pin === 'none' || cpuCount < 1) return null;
  if (pin === 'together' || cpuCount < 2) return { client: '0', servers: '0' };
  return { client: '0', servers: '1' };
}

/**
 * Pins every thread of `pid` (`-a`: the libuv pool and V8's helpers too; threads started later inherit the main
 * thread's mask) to `cpus`. Returns false when taskset is missing or refuses, so the caller records "unpinned".
 */
export function pinProcess(pid: number, cpus: string, command = 'taskset'): boolean {
  try {
    execFileSync(command, ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One line for the provenance: what the pinning asked for and what was applied. */
export function describePinning(pin: Placement, applied: { client: string; servers: string } | null): string {
  if (pin === 'none') return 'not pinned (the scheduler places and migrates the processes)';
  if (applied === null) return `not pinned (--pin ${pin} asked for, but taskset was unavailable or refused)`;
  return applied.client === applied.servers
    ? `all processes pinned to CPU ${applied.client} (taskset)`
    : `load generator pinned to CPU ${applied.client}, server processes to CPU ${applied.servers} (taskset)`;
}

/** Pins the parent and the children as `pin` asks; returns the CPU lists applied, or null when nothing was pinned. */
export function applyPinning(pin: Placement, parentPid: number, childPids: readonly number[]): { client: string; servers: string } | null {
  const cpus = cpusFor(pin, os.availableParallelism());
  const all = `0-${os.availableParallelism() - 1}`;
  if (cpus === null) {
    // The processes may have been pinned by an earlier phase.
    for (const pid of [parentPid, ...childPids]) pinProcess(pid, all);
    return null;
  }
  const ok = pinProcess(parentPid, cpus.client) && childPids.every((pid) => pinProcess(pid, cpus.servers));
  if (ok) return cpus;
  // Leave no half-pinned state: every process back on every CPU.
  for (const pid of [parentPid, ...childPids]) pinProcess(pid, all);
  return null;
}
