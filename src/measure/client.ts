/** One HTTP request sent the same way every time, over a keep-alive connection pool (node:http/https, no dependency): what `slapage measure` times. */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

export interface Target {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  /** The status a correct answer has. */
  readonly status: number;
}

export interface Sender {
  /** Sends once; resolves with the milliseconds to the answer's last byte and whether the status was the expected one. */
  send(): Promise<{ ms: number; ok: boolean; status: number }>;
  close(): void;
}

export function sender(target: Target, sockets: number): Sender {
  const secure = target.url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: sockets }) : new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = secure ? https.request : http.request;
  const body = target.body === null ? null : Buffer.from(target.body);
  const headers = { ...target.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  return {
    send: () =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        const req = request(target.url, { method: target.method, headers, agent }, (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve({ ms: performance.now() - start, ok: res.statusCode === target.status, status: res.statusCode ?? 0 }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body ?? undefined);
      }),
    close: () => agent.destroy(),
  };
}
