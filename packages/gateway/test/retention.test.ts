import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERAS, eraClient, startStack, type RpcResponse, type Stack } from './helpers.ts';

// Distinct canaries so a failure says which path leaked.
const ARG = 'CANARY-ARG-7f3a9c';
const RESP = 'CANARY-RESP-b81e44';
const CANARIES = [ARG, RESP];

let stack: Stack;
let url: string;
let readOnlyUrl: string;
const written: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  url = (await stack.provision({ config: { methods: ['GET', 'POST'], tags: [], require_api_token_auth: false } })).url;
  readOnlyUrl = (await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } })).url;
  stack.mock.setFixedBody(JSON.stringify({ secret: RESP }));
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await stack.close();
});

describe.each(ERAS)('in MCP $version', (era) => {
  const { rpc, request, callTool } = eraClient(era);

  describe('zero payload retention', () => {
    it('canaries in tool arguments and upstream responses reach no log line, stored record or error message', async () => {
      const responses: RpcResponse[] = [];
      const send = async (p: Promise<RpcResponse>) => {
        const r = await p;
        responses.push(r);
        return r;
      };
      // Successful calls carry canaries both ways.
      const echoed = await send(callTool(url, 'echo_query', { text: ARG }));
      expect(echoed.text).toContain(ARG); // relayed to the caller, as it must be
      await send(callTool(url, 'echo_body', { text: ARG, data: { nested: ARG } }));
      const fixed = await send(callTool(url, 'get_fixed'));
      expect(fixed.text).toContain(RESP);
      // Refusals and failures with canaries in every caller-controlled place.
      await send(callTool(url, 'echo_query', { n: ARG }));
      await send(callTool(url, 'echo_query', { [ARG]: 1 }));
      await send(callTool(url, ARG, { text: ARG }));
      await send(callTool(readOnlyUrl, 'echo_body', { text: ARG }));
      await send(rpc(url, { jsonrpc: '2.0', id: ARG, method: ARG, params: { x: ARG } }));
      await send(rpc(url, { jsonrpc: '2.0', method: 'notifications/' + ARG, params: { x: ARG } }));
      await send(rpc(url, `{"jsonrpc":"2.0","id":1,"method":"${ARG}`));
      await send(rpc(url, [{ jsonrpc: '2.0', id: 1, method: ARG }]));
      await send(rpc(stack.gateway.url + '/mcp/' + ARG, request('tools/list')));
      // Upstream failures whose bodies carry the response canary.
      const failed = await send(callTool(url, 'status', { code: 500 }));
      expect(failed.json.result.content[1].text).toContain(RESP); // relayed as the tool's output, separately
      const limited = await send(callTool(url, 'rate_limited', { dialect: 'x-ratelimit', text: ARG }));
      expect(limited.status).toBe(429);

      // 1. Log lines: one per request, metadata only.
      const lines = stack.logLines();
      expect(lines.length).toBeGreaterThanOrEqual(responses.length);
      for (const line of lines) {
        expect(Object.keys(JSON.parse(line))).toEqual(['timestamp', 'tenant', 'tool', 'method', 'status', 'latency_ms', 'request_id']);
      }
      // 2. Stored records, through the store interface and the admin views.
      const stored = JSON.stringify({
        servers: await stack.gateway.store.listServers(),
        connections: await stack.gateway.store.listConnections(),
        views: await stack.gateway.provisioner.listServers(),
      });
      // 3. Error messages: JSON-RPC errors, the gateway's own tool-error texts, internal error reports, process output.
      const rpcErrors = responses.map((r) => JSON.stringify(r.json?.error ?? null));
      const gatewayToolErrors = responses.filter((r) => r.json?.result?.isError).map((r) => r.json.result.content[0].text as string);
      expect(gatewayToolErrors.length).toBeGreaterThanOrEqual(3);
      const internal = stack.errors.map((e) => (e instanceof Error ? e.message + e.stack : String(e)));
      const everything = { log: lines.join('\n'), stored, rpcErrors: rpcErrors.join('\n'), gatewayToolErrors: gatewayToolErrors.join('\n'), internal: internal.join('\n'), output: written.join('') };
      for (const [where, text] of Object.entries(everything)) {
        for (const canary of CANARIES) expect(text.includes(canary), `${canary} found in ${where}`).toBe(false);
      }
      // The 429 JSON-RPC error is made of numbers only.
      expect(limited.json.error).toEqual({ code: -32029, message: 'Upstream rate limit exceeded', data: { retry_after_seconds: expect.any(Number), limit: 50, remaining: 0, reset_seconds: expect.any(Number) } });
    });
  });
});
