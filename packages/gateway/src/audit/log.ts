/** The only log the gateway keeps: one JSON line of metadata per request (timestamp, tenant, tool, method, status, latency_ms, request_id), formatted and written in batches off the response path, to stdout or to day files that retention deletes. */

import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type LogSink = (chunk: string) => void;

export interface LogRecord {
  timestamp: string;
  tenant: string | null;
  tool: string | null;
  method: string | null;
  status: number;
  latency_ms: number;
  request_id: string;
}

export const stdoutSink: LogSink = (chunk) => {
  process.stdout.write(chunk);
};

export const nullSink: LogSink = () => {};

const LOG_FILE = /^access-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** Appends batches to `<dir>/access-YYYY-MM-DD.jsonl` (UTC day of writing), so retention can delete whole days. */
export function directorySink(dir: string, now: () => number = Date.now): LogSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return (chunk) => {
    appendFileSync(join(dir, `access-${new Date(now()).toISOString().slice(0, 10)}.jsonl`), chunk, { mode: 0o600 });
  };
}

/** Deletes the day files of `dir` whose whole day ended at or before `before`; returns how many went. */
export function purgeLogFiles(dir: string, before: number): number {
  let n = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const day = LOG_FILE.exec(name)?.[1];
    if (day !== undefined && Date.parse(day + 'T00:00:00Z') + 24 * 3600_000 <= before) {
      rmSync(join(dir, name));
      n++;
    }
  }
  return n;
}

// Parallel arrays instead of an object per request: recording is a few pushes, formatting waits for the batch.
export class AccessLog {
  readonly #sink: LogSink;
  // The last lines written, for GET /admin/access-log: the same metadata the sink got, so verifiers can inspect it.
  readonly #recent: string[] = [];
  readonly #recentMax: number;
  #at: number[] = [];
  #tenant: (string | null)[] = [];
  #tool: (string | null)[] = [];
  #method: (string | null)[] = [];
  #status: number[] = [];
  #latency: number[] = [];
  #id: string[] = [];
  #scheduled = false;
  readonly #flushSoon = (): void => {
    this.#scheduled = false;
    this.flush();
  };

  constructor(sink: LogSink, recentLines = 2000) {
    this.#sink = sink;
    this.#recentMax = recentLines;
  }

  /** The most recent lines written (at most `recentLines`, oldest first), each a JSON object with its newline. */
  recent(): readonly string[] {
    return this.#recent;
  }

  /**
   * `tool` and `method` must come from the gateway's own catalog (known tool and method names), never from raw caller input,
   * so nothing a caller types can reach the log.
   */
  record(atMs: number, tenant: string | null, tool: string | null, method: string | null, status: number, latencyMs: number, requestId: string): void {
    if (this.#sink === nullSink && this.#recentMax === 0) return;
    this.#at.push(atMs);
    this.#tenant.push(tenant);
    this.#tool.push(tool);
    this.#method.push(method);
    this.#status.push(status);
    this.#latency.push(latencyMs);
    this.#id.push(requestId);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flushSoon);
    }
  }

  flush(): void {
    const n = this.#at.length;
    if (n === 0) return;
    let out = '';
    let lastAt = NaN;
    let timestamp = '';
    const keep = this.#recentMax > 0;
    for (let i = 0; i < n; i++) {
      const at = this.#at[i]!;
      // Lines of one batch mostly share a millisecond: format its timestamp once.
      if (at !== lastAt) {
        lastAt = at;
        timestamp = new Date(at).toISOString();
      }
      // Built by hand in LogRecord's key order (no object and no generic stringify per line); every string goes
      // through JSON.stringify, so a tenant name or request id cannot break out of its field.
      const line =
        '{"timestamp":"' + timestamp +
        '","tenant":' + jsonString(this.#tenant[i]!) +
        ',"tool":' + jsonString(this.#tool[i]!) +
        ',"method":' + jsonString(this.#method[i]!) +
        ',"status":' + this.#status[i]! +
        ',"latency_ms":' + Math.round(this.#latency[i]! * 1000) / 1000 +
        ',"request_id":' + JSON.stringify(this.#id[i]!) +
        '}\n';
      out += line;
      if (keep) this.#recent.push(line);
    }
    if (keep && this.#recent.length > this.#recentMax) this.#recent.splice(0, this.#recent.length - this.#recentMax);
    this.#at = [];
    this.#tenant = [];
    this.#tool = [];
    this.#method = [];
    this.#status = [];
    this.#latency = [];
    this.#id = [];
    if (this.#sink !== nullSink) this.#sink(out);
  }
}

function jsonString(s: string | null): string {
  return s === null ? 'null' : JSON.stringify(s);
}
