/** The official TypeScript SDK v2 client (`@modelcontextprotocol/client`) pinned to 2026-07-28, statelessly, through the gateway with a tenant token. */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'gateway-test-v2', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

describe('official MCP SDK v2 client pinned to 2026-07-28', () => {
  it('discovers, lists and calls tools through a read-only server', async () => {
    const server = await stack.provision({ integration: 'example-crm', config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
    const client = await connect(server.url);
    try {
      expect(client.getServerVersion()).toMatchObject({ name: 'slapage-mcp-gateway' });
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
      const result = await client.callTool({ name: 'get_contact', arguments: { contact_id: 'c_1' } });
      expect(result.isError).toBe(false);
      const content = result.content as Array<{ type: string; text: string }>;
      expect(JSON.parse(content[0]!.text)).toMatchObject({ id: 'c_1', name: 'Ada Lovelace' });
      await expect(client.callTool({ name: 'delete_contact', arguments: { contact_id: 'c_1' } })).rejects.toMatchObject({ code: -32602 });
    } finally {
      await client.close();
    }
    // The client spoke the stateless era: it discovered, and never sent the 2025 handshake.
    const methods = stack.logLines().map((l) => JSON.parse(l).method as string);
    expect(methods).toContain('server/discover');
    expect(methods).not.toContain('initialize');
  });
});
