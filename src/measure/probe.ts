/**
 * `slapage probe`'s check and its record: one synthetic MCP request (tools/list, or another method) to a vendor's
 * endpoint in either era, classified the way uptime definitions count downtime — a timeout, an HTTP 5xx or no
 * connection at all is down; every other answer is up — and appended as one row of content/uptime/probe-YYYY-MM.csv
 * (`time,outcome,status,latency_ms,detail`), written to a temporary file and renamed so a crash never leaves half a row.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect, McpHandshakeError, MODERN_VERSION, openSibling, McpUnreachable, type Answer, type EraChoice, type McpSession, type ProtocolVersion } from './mcp-client.ts';

export const PROBE_HEADER = 'time,outcome,status,latency_ms,detail';

export interface ProbeSample {
  /** When the check started, UTC, to the second. */
  readonly time: string;
  readonly outcome: 'up' | 'down';
  /** The HTTP status of the last answer, or null when none came. */
  readonly status: number | null;
  /** From the first byte sent to the last byte of the method's answer (the 2025 handshake included), or the timeout. */
  readonly latencyMs: number;
  /** Why it was down: timeout, http-5xx, connection-refused, connection-reset, dns, tls, …; empty when up. */
  readonly detail: string;
  /** For the terminal only: what an "up" answer was when it was not a success (a refused token, a JSON-RPC error). */
  readonly note: string;
  /** The protocol version spoken, when the era was agreed. */
  readonly version: ProtocolVersion | null;
}

export interface ProbeOptions {
  readonly endpoint: string;
  /** Sent with every request (an Authorization bearer, when the endpoint needs one). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly era: EraChoice;
  readonly method: string;
  readonly params?: Record<string, unknown>;
  readonly timeoutMs: number;
}

export class ProbeError extends Error {}

/** Checks one endpoint again and again; the era, once agreed, is kept (the specification caches it per origin). */
export class Prober {
  readonly #o: ProbeOptions;
  #known: ProtocolVersion | undefined;

  constructor(o: ProbeOptions) {
    this.#o = o;
  }

  async check(now: Date = new Date()): Promise<ProbeSample> {
    const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const started = performance.now();
    let session: McpSession | undefined;
    let timer: NodeJS.Timeout | undefined;
    const run = async (): Promise<Omit<ProbeSample, 'time' | 'latencyMs'> & { ms?: number }> => {
      try {
        const opening = { timeoutMs: this.#o.timeoutMs, ...(this.#o.headers ? { headers: this.#o.headers } : {}) };
        // A known 2026-07-28 server needs no opening request; a 2025 one gets a fresh handshake per check (part of being up).
        session = this.#known === MODERN_VERSION ? await openSibling(this.#o.endpoint, MODERN_VERSION, opening) : await connect(this.#o.endpoint, { era: this.#known ?? this.#o.era, ...opening });
        const answer = await session.send(this.#o.method, this.#o.params);
        const ms = performance.now() - started;
        this.#known = session.version;
        return { ...classify(answer), version: session.version, ms };
      } catch (error) {
        if (error instanceof McpUnreachable) return { outcome: 'down', status: null, detail: error.reason, note: error.message, version: this.#known ?? null };
        if (error instanceof McpHandshakeError && error.answer) return { ...classify(error.answer, error.message), version: null };
        if (error instanceof McpHandshakeError) return { outcome: 'up', status: null, detail: '', note: error.message, version: null };
        throw error;
      }
    };
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.#o.timeoutMs)));
    const result = await Promise.race([run(), timeout]);
    clearTimeout(timer);
    // Ending a 2025 session is not part of what was timed.
    await session?.close();
    if (result === 'timeout') return { time, outcome: 'down', status: null, latencyMs: this.#o.timeoutMs, detail: 'timeout', note: `no answer within ${this.#o.timeoutMs / 1000} s`, version: this.#known ?? null };
    return { time, outcome: result.outcome, status: result.status, latencyMs: result.ms ?? performance.now() - started, detail: result.detail, note: result.note, version: result.version };
  }
}

/** 5xx is down; any other answer came from a running service, so it is up (the note says when it was not a success). */
function classify(a: Answer, handshake?: string): { outcome: 'up' | 'down'; status: number; detail: string; note: string } {
  if (a.status >= 500) return { outcome: 'down', status: a.status, detail: 'http-5xx', note: handshake ?? `HTTP ${a.status}` };
  const rpcError = (a.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const note = handshake ?? (a.status >= 300 ? `HTTP ${a.status}: not a successful answer, counted up (check the endpoint and token)` : rpcError ? `JSON-RPC error ${String(rpcError.code)}: counted up` : '');
  return { outcome: 'up', status: a.status, detail: '', note };
}

/** The CSV row of a sample (no newline). */
export function probeRow(s: ProbeSample): string {
  const detail = s.detail.replace(/[,\r\n]/g, ' ');
  return `${s.time},${s.outcome},${s.status ?? ''},${(Math.round(s.latencyMs * 10) / 10).toFixed(1)},${detail}`;
}

/** The file a sample belongs in: its UTC month. */
export function probeFile(dir: string, s: ProbeSample): string {
  return join(dir, `probe-${s.time.slice(0, 7)}.csv`);
}

/**
 * Appends the sample's row to its month's file (created with its header when missing): the whole new content goes to a
 * temporary file beside it, synced, then renamed over the old one, so a reader or a crash sees the old file or the new
 * one, never half a row. Returns the file's path.
 */
export function appendSample(dir: string, s: ProbeSample): string {
  const path = probeFile(dir, s);
  mkdirSync(dir, { recursive: true });
  let before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (before !== '' && before.split('\n', 1)[0] !== PROBE_HEADER) throw new ProbeError(`${path}:1: not a probe file: its first line should be "${PROBE_HEADER}"; move it away or choose another --out`);
  if (before === '') before = PROBE_HEADER + '\n';
  else if (!before.endsWith('\n')) before += '\n';
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, before + probeRow(s) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return path;
}
