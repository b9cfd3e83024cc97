/** The only log the gateway keeps: one JSON line of metadata per request (timestamp, tenant, tool, method, status, latency_ms, request_id), formatted and written in batches off the response path. */

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

// Parallel arrays instead of an object per request: recording is a few pushes, formatting waits for the batch.
export class AccessLog {
  readonly #sink: LogSink;
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

  constructor(sink: LogSink) {
    this.#sink = sink;
  }

  /**
   * `tool` and `method` must come from the gateway's own catalog (known tool and method names), never from raw caller input,
   * so nothing a caller types can reach the log.
   */
  record(atMs: number, tenant: string | null, tool: string | null, method: string | null, status: number, latencyMs: number, requestId: string): void {
    if (this.#sink === nullSink) return;
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
    for (let i = 0; i < n; i++) {
      const at = this.#at[i]!;
      // Lines of one batch mostly share a millisecond: format its timestamp once.
      if (at !== lastAt) {
        lastAt = at;
        timestamp = new Date(at).toISOString();
      }
      // Built by hand in LogRecord's key order (no object and no generic stringify per line); every string goes
      // through JSON.stringify, so a tenant name or request id cannot break out of its field.
      out +=
        '{"timestamp":"' + timestamp +
        '","tenant":' + jsonString(this.#tenant[i]!) +
        ',"tool":' + jsonString(this.#tool[i]!) +
        ',"method":' + jsonString(this.#method[i]!) +
        ',"status":' + this.#status[i]! +
        ',"latency_ms":' + Math.round(this.#latency[i]! * 1000) / 1000 +
        ',"request_id":' + JSON.stringify(this.#id[i]!) +
        '}\n';
    }
    this.#at = [];
    this.#tenant = [];
    this.#tool = [];
    this.#method = [];
    this.#status = [];
    this.#latency = [];
    this.#id = [];
    this.#sink(out);
  }
}

function jsonString(s: string | null): string {
  return s === null ? 'null' : JSON.stringify(s);
}
