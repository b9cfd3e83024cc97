import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, runScenarios, SCENARIOS } from '../scripts/conformance-lib.ts';
import { startStack, type Stack } from './helpers.ts';

let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack();
  url = (await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } })).url;
});
afterAll(() => stack.close());

describe('official MCP conformance suite', () => {
  it('passes server-initialize, ping, tools-list and dns-rebinding-protection', async () => {
    const results = await runScenarios(url, SCENARIOS);
    for (const r of results) expect(r.passed, `${r.scenario}:\n${r.output}`).toBe(true);
    expect(results.map((r) => r.scenario)).toEqual([...SCENARIOS]);
  }, 60_000);

  it('the runner reports failure when the server is not an MCP server (so the check above can fail)', async () => {
    const r = await runScenario(stack.gateway.url + '/mcp/not-a-valid-token', 'ping');
    expect(r.passed).toBe(false);
  }, 30_000);
});
