import { describe, expect, it } from 'vitest';
import { EXAMPLE_CRM_PATH } from '../server/config.ts';
import { buildUpstreamRequest, compileIntegration, loadIntegrationFile, selectTools, toolsListJson, type Integration } from './integration.ts';

const crm = loadIntegrationFile(EXAMPLE_CRM_PATH, { baseUrl: 'https://crm.example.com/api/v1/' });
const tool = (i: Integration, name: string) => i.tools.get(name)!;

function desc(ops: unknown[], extra: Record<string, unknown> = {}) {
  return { name: 'x', base_url: 'https://api.example.com', operations: ops, ...extra };
}
const op = (o: Record<string, unknown> = {}) => ({ name: 'op', method: 'GET', path: '/a', access: 'read', description: 'd', ...o });

describe('compileIntegration', () => {
  it('turns every described operation, and only those, into a tool', () => {
    expect([...crm.tools.keys()]).toEqual(['list_contacts', 'get_contact', 'search_deals', 'create_contact', 'update_deal_stage', 'delete_contact']);
    expect(crm.basePath).toBe('/api/v1');
    expect(crm.baseUrl.origin).toBe('https://crm.example.com');
  });

  it('builds MCP tool entries with name, description, inputSchema and annotations', () => {
    const entry = tool(crm, 'delete_contact').listEntry;
    expect(entry).toMatchObject({
      name: 'delete_contact',
      description: 'Delete a contact permanently.',
      inputSchema: { type: 'object', required: ['contact_id'], additionalProperties: false },
      annotations: { readOnlyHint: false, destructiveHint: true },
    });
  });

  it.each([
    ['duplicate names', desc([op(), op()]), /duplicate name/],
    ['unknown method', desc([op({ method: 'TRACE' })]), /method must be/],
    ['missing description', desc([op({ description: '' })]), /description is required/],
    ['bad access', desc([op({ access: 'admin' })]), /access must be/],
    ['undeclared path parameter', desc([op({ path: '/a/{id}' })]), /path parameter "id"/],
    ['query in path', desc([op({ path: '/a?x=1' })]), /path must start/],
    ['protocol-relative path', desc([op({ path: '//evil.example/a' })]), /path must start/],
    ['object query parameter', desc([op({ parameters: { type: 'object', properties: { f: { type: 'object' } } } })]), /scalar/],
    ['unsupported schema keyword', desc([op({ parameters: { type: 'object', properties: { f: { type: 'string', pattern: '.*' } } } })]), /unsupported schema keyword/],
    ['credentials in base_url', desc([op()], { base_url: 'https://u:p@api.example.com' }), /credentials/],
    ['non-http base_url', desc([op()], { base_url: 'file:///etc/passwd' }), /http or https/],
    ['no operations', desc([]), /non-empty/],
  ])('rejects %s', (_label, d, message) => {
    expect(() => compileIntegration(d)).toThrow(message);
  });
});

describe('selectTools', () => {
  it('a GET-only server is read-only: no write tools even when described with GET', () => {
    const i = compileIntegration(desc([op({ name: 'read' }), op({ name: 'sneaky_write', access: 'write' }), op({ name: 'post', method: 'POST' })]));
    expect([...selectTools(i, { methods: ['GET'], tags: [], require_api_token_auth: false }).keys()]).toEqual(['read']);
    expect([...selectTools(i, { methods: ['GET', 'POST'], tags: [], require_api_token_auth: false }).keys()]).toEqual(['read', 'sneaky_write', 'post']);
  });

  it('filters by method and by tag', () => {
    const names = (methods: any[], tags: string[]) => [...selectTools(crm, { methods, tags, require_api_token_auth: false }).keys()];
    expect(names(['GET'], [])).toEqual(['list_contacts', 'get_contact', 'search_deals']);
    expect(names(['GET'], ['deals'])).toEqual(['search_deals']);
    expect(names(['GET', 'POST', 'PATCH', 'DELETE'], ['contacts'])).toEqual(['list_contacts', 'get_contact', 'create_contact', 'delete_contact']);
    expect(names(['DELETE'], [])).toEqual(['delete_contact']);
    expect(JSON.parse(toolsListJson(selectTools(crm, { methods: ['GET'], tags: ['deals'], require_api_token_auth: false }))).tools).toHaveLength(1);
  });
});

describe('buildUpstreamRequest', () => {
  it('encodes path parameters and keeps them under the base path', () => {
    expect(buildUpstreamRequest(crm, tool(crm, 'get_contact'), { contact_id: 'a/../../b?x#y' })).toEqual({
      path: '/api/v1/contacts/a%2F..%2F..%2Fb%3Fx%23y',
      body: null,
    });
    expect(buildUpstreamRequest(crm, tool(crm, 'get_contact'), { contact_id: 'http://evil.example' })).toEqual({
      path: '/api/v1/contacts/http%3A%2F%2Fevil.example',
      body: null,
    });
  });

  it('refuses dot segments and empty path parameters', () => {
    for (const contact_id of ['..', '.']) {
      expect(buildUpstreamRequest(crm, tool(crm, 'get_contact'), { contact_id })).toEqual({ error: 'Invalid arguments: "contact_id" is not a valid path segment' });
    }
    expect(buildUpstreamRequest(crm, tool(crm, 'get_contact'), { contact_id: '' })).toHaveProperty('error');
  });

  it('puts GET arguments in the query string and write arguments in a JSON body', () => {
    expect(buildUpstreamRequest(crm, tool(crm, 'list_contacts'), { limit: 5, cursor: 'a b&c' })).toEqual({ path: '/api/v1/contacts?limit=5&cursor=a%20b%26c', body: null });
    expect(buildUpstreamRequest(crm, tool(crm, 'update_deal_stage'), { deal_id: 'd_1', stage: 'won' })).toEqual({ path: '/api/v1/deals/d_1', body: '{"stage":"won"}' });
    expect(buildUpstreamRequest(crm, tool(crm, 'create_contact'), { name: 'N' })).toEqual({ path: '/api/v1/contacts', body: '{"name":"N"}' });
  });

  it('validates arguments without echoing caller values', () => {
    const canary = 'CANARY-VALUE-42';
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['list_contacts', { limit: canary }, /"limit" must be an integer/],
      ['list_contacts', { limit: 0 }, /"limit" must be >= 1/],
      ['list_contacts', { [canary]: 1 }, /unexpected property/],
      ['get_contact', {}, /"contact_id" is required/],
      ['search_deals', { stage: canary }, /listed values/],
    ];
    for (const [name, args, message] of cases) {
      const r = buildUpstreamRequest(crm, tool(crm, name), args);
      expect('error' in r && r.error).toMatch(message);
      expect(JSON.stringify(r)).not.toContain(canary);
    }
  });
});
