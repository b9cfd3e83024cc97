/**
 * Test doubles: gateways built wrong on purpose, as a proxy in front of a correct one that breaks one promise each —
 * retrying 429s, logging a payload, accepting 400-day tokens, leaking tools across filters. Used by verify's tests to
 * show that each check fails, with a clear message, when the gateway does not do what the policy says.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'retries-429' | 'logs-payload' | 'accepts-400-day-tokens' | 'leaks-tools';

export interface WrongGateway {
  readonly url: string;
  close(): Promise<void>;
}

const DAY = 24 * 3600_000;
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

export async function startWrongGateway(target: string, fault: Fault): Promise<WrongGateway> {
  const payloads: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    const relay = async () => {
      let body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const creating = req.method === 'POST' && /^\/admin\/connections\/[^/]+\/servers$/.test(path);
      if (creating && fault === 'accepts-400-day-tokens') {
        const input = JSON.parse(body) as { expires_at: string };
        // Within 400 days, anything goes: the double stores a shorter lifetime than it was asked for.
        if (Date.parse(input.expires_at) - Date.now() <= 400 * DAY) body = JSON.stringify({ ...input, expires_at: new Date(Date.now() + DAY).toISOString() });
      }
      if (creating && fault === 'leaks-tools') {
        const input = JSON.parse(body) as { config: { methods: string[]; tags: string[] } };
        body = JSON.stringify({ ...input, config: { ...input.config, methods: [...input.config.methods, 'write'], tags: [] } });
      }
      if (path.startsWith('/mcp/') && fault === 'logs-payload') payloads.push(body);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_HEADERS.has(k)) as [string, string][]);
      const forward = () => fetch(target + path, { method: req.method ?? 'GET', headers, ...(body === '' ? {} : { body }) });
      let answer = await forward();
      if (answer.status === 429 && fault === 'retries-429') answer = await forward();
      let text = (await answer.text()).replaceAll(target, origin);
      if (path === '/admin/access-log' && fault === 'logs-payload') text += payloads.map((p) => JSON.stringify({ timestamp: new Date().toISOString(), payload: p }) + '\n').join('');
      const out = Object.fromEntries([...answer.headers].filter(([k]) => !HOP_HEADERS.has(k)));
      res.writeHead(answer.status, out);
      res.end(text);
    };
    // A gateway that cannot be reached answers 502 rather than leaving the request open.
    req.on('end', () => void relay().catch((error: unknown) => res.writeHead(502).end(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
