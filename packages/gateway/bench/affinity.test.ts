import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpusFor, describePinning, pinProcess, placementFor } from './affinity.ts';

describe('cpusFor', () => {
  it('puts the load generator and the servers on different cores, or all on one, or leaves them to the scheduler', () => {
    expect(cpusFor('apart', 2)).toEqual({ client: '0', servers: '1' });
    expect(cpusFor('together', 2)).toEqual({ client: '0', servers: '0' });
    expect(cpusFor('none', 2)).toBeNull();
  });

  it('falls back to one core when there is only one', () => {
    expect(cpusFor('apart', 1)).toEqual({ client: '0', servers: '0' });
  });
});

describe('placementFor', () => {
  it('phased: serial pairs and saturation on one core, the overlapping constant-rate runs left to the scheduler', () => {
    expect((['pairs', 'rate', 'saturation'] as const).map((p) => placementFor('phased', p))).toEqual(['together', 'none', 'together']);
    expect((['pairs', 'rate', 'saturation'] as const).map((p) => placementFor('apart', p))).toEqual(['apart', 'apart', 'apart']);
  });
});

describe('describePinning', () => {
  it('records what was applied, and says so when pinning was asked for but not possible', () => {
    expect(describePinning('apart', { client: '0', servers: '1' })).toMatchInlineSnapshot(`"load generator pinned to CPU 0, server processes to CPU 1 (taskset)"`);
    expect(describePinning('together', { client: '0', servers: '0' })).toMatchInlineSnapshot(`"all processes pinned to CPU 0 (taskset)"`);
    expect(describePinning('apart', null)).toMatchInlineSnapshot(`"not pinned (--pin apart asked for, but taskset was unavailable or refused)"`);
    expect(describePinning('none', null)).toMatchInlineSnapshot(`"not pinned (the scheduler places and migrates the processes)"`);
  });
});

describe('pinProcess', () => {
  it('reports failure when the command is missing', () => {
    expect(pinProcess(process.pid, '0', 'no-such-taskset-command')).toBe(false);
  });

  it.skipIf(!existsSync('/usr/bin/taskset') || !existsSync('/proc/self/status'))('pins a running process to the given CPU', () => {
    const child = spawn('sleep', ['5']);
    try {
      expect(pinProcess(child.pid!, '0')).toBe(true);
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      expect(status).toMatch(/^Cpus_allowed_list:\s*0$/m);
    } finally {
      child.kill();
    }
  });
});
