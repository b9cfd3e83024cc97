import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'gateway-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

describe('official MCP SDK client over Streamable HTTP', () => {
  it('connects, lists and calls tools through a read-only server', async () => {
    const server = await stack.provision({ integration: 'example-crm', config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
    const client = await connect(server.url);
    try {
      expect(client.getServerVersion()).toMatchObject({ name: 'slapage-mcp-gateway' });
      expect(client.getServerCapabilities()).toMatchObject({ tools: {} });
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
      expect(tools.find((t) => t.name === 'get_contact')?.annotations?.readOnlyHint).toBe(true);

      const result = await client.callTool({ name: 'get_contact', arguments: { contact_id: 'c_1' } });
      expect(result.isError).toBe(false);
      const content = result.content as Array<{ type: string; text: string }>;
      expect(JSON.parse(content[0]!.text)).toMatchObject({ id: 'c_1', name: 'Ada Lovelace' });

      const deals = await client.callTool({ name: 'search_deals', arguments: { stage: 'won' } });
      expect(JSON.parse((deals.content as Array<{ text: string }>)[0]!.text)).toEqual({ deals: [expect.objectContaining({ id: 'd_2' })] });

      await expect(client.callTool({ name: 'delete_contact', arguments: { contact_id: 'c_1' } })).rejects.toMatchObject({ code: -32602 });
      await expect(client.ping()).resolves.toEqual({});
    } finally {
      await client.close();
    }
  });

  it('works with an API-token-protected server when the client sends the bearer token', async () => {
    const server = await stack.provision({ integration: 'example-crm', config: { methods: ['GET'], tags: ['deals'], require_api_token_auth: true } });
    await expect(connect(server.url)).rejects.toMatchObject({ code: 401, message: expect.stringContaining('Unauthorized') });
    const client = await connect(server.url, { authorization: 'Bearer ' + server.api_token });
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search_deals']);
    } finally {
      await client.close();
    }
  });

  it('surfaces an upstream 429 to the SDK client as an HTTP 429 error carrying the -32029 body', async () => {
    const server = await stack.provision();
    const client = await connect(server.url);
    try {
      const err = await client.callTool({ name: 'rate_limited', arguments: { dialect: 'ietf' } }).then(
        () => null,
        (e: unknown) => e as { code?: number; message: string },
      );
      expect(err).not.toBeNull();
      expect(err!.code).toBe(429);
      expect(err!.message).toContain('-32029');
      expect(err!.message).toContain('Upstream rate limit exceeded');
    } finally {
      await client.close();
    }
  });
});
