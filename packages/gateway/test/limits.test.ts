import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, request, rpc, startStack, type Stack } from './helpers.ts';

/** Writes raw bytes on a fresh socket and resolves with everything received once the server closes it. */
function rawExchange(port: number, chunks: string[], opts: { giveUpMs?: number; until?: RegExp } = {}): Promise<{ data: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error('server did not close the connection'));
    }, opts.giveUpMs ?? 5_000);
    socket.on('data', (d) => {
      data += d.toString();
      // Some answers keep the connection alive: stop once the expected bytes are in.
      if (opts.until?.test(data)) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ data, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
    });
  });
}

let stack: Stack;
let url: string;
let port: number;
let path: string;

beforeAll(async () => {
  stack = await startStack({ limits: { maxBodyBytes: 1024, headersTimeoutMs: 300, requestTimeoutMs: 600, maxHeaderBytes: 8 * 1024 } });
  url = (await stack.provision()).url;
  port = Number(new URL(url).port);
  path = new URL(url).pathname;
});
afterAll(() => stack.close());

describe('request limits', () => {
  it('a body over the cap gets 413 (declared length), and the connection stays usable', async () => {
    const big = JSON.stringify(request('tools/call', { name: 'echo_query', arguments: { text: 'x'.repeat(200_000) } }));
    for (let i = 0; i < 3; i++) {
      const r = await rpc(url, big);
      expect(r.status).toBe(413);
      expect(r.json.error.message).toBe('Payload Too Large');
    }
    expect((await rpc(url, request('ping'))).status).toBe(200);
  });

  it('a chunked body that grows over the cap gets 413', async () => {
    const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = 'x'.repeat(800);
    const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(2);
    const { data } = await rawExchange(port, [head, body], { until: /Payload Too Large/ });
    expect(data).toMatch(/^HTTP\/1\.1 413/);
  });

  it('a body at the cap is accepted', async () => {
    const msg = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { _meta: { pad: '' } } });
    const padded = msg.replace('"pad":""', `"pad":"${'y'.repeat(1024 - msg.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(1024);
    expect((await rpc(url, padded)).status).toBe(200);
  });

  it('oversized headers get 431', async () => {
    const { data } = await rawExchange(port, [`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\n`]);
    expect(data).toMatch(/^HTTP\/1\.1 431/);
  });
});

describe('slow clients', () => {
  it('headers that never finish (slowloris) are cut off after the headers timeout', async () => {
    const { closedAfterMs } = await rawExchange(port, [`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `]);
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
    expect(closedAfterMs).toBeLessThan(2_000);
  });

  it('a body that never finishes is cut off after the request timeout', async () => {
    const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const { data, closedAfterMs } = await rawExchange(port, [head, '{"jsonrpc":']);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(500);
    expect(closedAfterMs).toBeLessThan(2_500);
    // The handler waiting for that body settled too (no request left hanging): its log line says 499.
    await new Promise((r) => setTimeout(r, 20));
    expect(stack.logLines().map((l) => JSON.parse(l).status)).toContain(499);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const s = await startStack({ limits: { shutdownGraceMs: 5_000 } });
    const server = await s.provision();
    const inFlight = callTool(server.url, 'slow', { ms: 300 });
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.gateway.close();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.json.result).toMatchObject({ isError: false });
    expect(JSON.parse(r.json.result.content[0].text)).toEqual({ slow: true });
    await closing;
    await expect(fetch(server.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    await s.mock.close();
  });

  it('cuts connections that outlive the grace period', async () => {
    const s = await startStack({ limits: { shutdownGraceMs: 200, upstreamTimeoutMs: 5_000 } });
    const server = await s.provision();
    const inFlight = callTool(server.url, 'slow', { ms: 3_000 }).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await s.gateway.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await inFlight).toBe('cut');
    await s.mock.close();
  });
});
