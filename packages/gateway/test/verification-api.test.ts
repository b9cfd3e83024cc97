import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, callTool, startStack, type Stack } from './helpers.ts';

const KEYS = { owner: 'owner-key-0123456789abcdef', developer: 'developer-key-0123456789ab', auditor: 'auditor-key-0123456789abcd' };
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { adminKey: undefined, adminKeys: Object.entries(KEYS).map(([role, key]) => ({ role: role as keyof typeof KEYS, key })), commit: 'abc1234' } });
});
afterAll(() => stack.close());

describe('what a verifier reads through the admin API', () => {
  it('GET /admin/access-log returns the recent access-log lines, exactly as written, to roles that read metadata logs', async () => {
    const server = await stack.provision();
    await callTool(server.url, 'echo_query', { text: 'hello' });
    const written = [...stack.logLines()];
    const r = await admin(stack.gateway, 'GET', '/admin/access-log', undefined, KEYS.developer);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-ndjson');
    expect(r.text.trim().split('\n')).toEqual(written);
    expect(Object.keys(JSON.parse(written.at(-1)!))).toEqual(['timestamp', 'tenant', 'tool', 'method', 'status', 'latency_ms', 'request_id']);
    const denied = await admin(stack.gateway, 'GET', '/admin/access-log', undefined, KEYS.auditor);
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatchInlineSnapshot(`"the auditor role may not perform log.read"`);
  });

  it('GET /admin/about names the gateway, its version and commit, for any role', async () => {
    const r = await admin(stack.gateway, 'GET', '/admin/about', undefined, KEYS.auditor);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ name: '@slapage/gateway', version: expect.stringMatching(/^\d+\.\d+\.\d+/), commit: 'abc1234' });
  });
});
