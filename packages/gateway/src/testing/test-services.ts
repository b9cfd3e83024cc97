/** Throwaway PostgreSQL and Redis servers for tests and benchmarks: each in a temporary folder, on a free 127.0.0.1 port, PostgreSQL as the unprivileged `postgres` user when run as root; `missing` (with the reason) instead when a binary is not installed. */

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestService {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  stop(): Promise<void>;
}

export interface TestPostgres extends TestService {
  /** `pg_dump` of the database, as SQL text. */
  dump(): Promise<string>;
}

export type Missing = { missing: string };

/** A port that was free a moment ago (the OS picks it; the server then binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function pgBinDir(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0]!, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  return null;
}

async function uidOf(user: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Starts a PostgreSQL cluster (initdb, pg_ctl) listening on 127.0.0.1 only; trust auth for the local test user `postgres`. */
export async function startPostgres(): Promise<TestPostgres | Missing> {
  const bin = pgBinDir();
  if (bin === null) return { missing: 'PostgreSQL binaries (initdb, pg_ctl) not found: install the Debian package postgresql' };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await uidOf('postgres') : null;
  if (asRoot && owner === null) return { missing: 'running as root but there is no unprivileged `postgres` user to run PostgreSQL as' };
  // As root, PostgreSQL refuses to run: every command goes through runuser as the postgres user.
  const as = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const dir = mkdtempSync(join(tmpdir(), 'slapage-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  try {
    await run(...as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']));
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await run(...as(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', opts, 'start']));
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      dir,
      dump: async () => (await run(...as(join(bin, 'pg_dump'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'postgres']), { maxBuffer: 64 << 20 })).stdout,
      stop: async () => {
        await run(...as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin']) if (existsSync(join(dir, cmd))) return join(dir, cmd);
  return null;
}

/** Starts redis-server without persistence on 127.0.0.1. */
export async function startRedis(): Promise<TestService | Missing> {
  const bin = which('redis-server');
  if (bin === null) return { missing: 'redis-server not found: install the Debian package redis-server' };
  const dir = mkdtempSync(join(tmpdir(), 'slapage-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await new Promise<boolean>((resolve) => {
      let out = '';
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) {
      // Keep draining its output so a full pipe never blocks it.
      child.stdout!.resume();
      child.stderr!.resume();
      return { url: `redis://127.0.0.1:${port}`, port, dir, stop: () => stopChild(child, dir) };
    }
    await stopChild(child, null);
    if (attempt >= 2) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('redis-server did not start');
    }
  }
}

function stopChild(child: ChildProcess, dir: string | null): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
