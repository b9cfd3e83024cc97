import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CRM_OPENAPI_PATH, optionsFromEnv } from '../src/server/config.ts';
import { startMockUpstream, type MockUpstream } from '../src/testing/mock-upstream.ts';
import { loadOpenApi } from '../src/filter/openapi.ts';
import { startGateway, type Gateway } from '../src/server/server.ts';
import { callTool, request, rpc, UPSTREAM_CREDENTIAL } from './helpers.ts';

let mock: MockUpstream;
let gateway: Gateway;

beforeAll(async () => {
  mock = await startMockUpstream({ expectedCredential: UPSTREAM_CREDENTIAL, record: false });
  gateway = await startGateway({
    integrations: [{ openapi: EXAMPLE_CRM_OPENAPI_PATH, baseUrl: mock.baseUrl }],
    allowPrivateNetworks: ['127.0.0.1/32'],
    log: 'none',
  });
});
afterAll(async () => {
  await gateway.close();
  await mock.close();
});

describe('integrations from OpenAPI 3', () => {
  it('only operations with a description become tools; access from x-access or the method; tags from tags and x-tags', async () => {
    const { integration, skipped } = await loadOpenApi(EXAMPLE_CRM_OPENAPI_PATH);
    expect(integration.name).toBe('example-crm-openapi');
    expect(integration.baseUrl.href).toBe('https://crm.example.com/api/v1');
    expect(integration.auth).toEqual({ type: 'bearer' });
    const tools = [...integration.tools.values()].map((t) => ({ name: t.name, method: t.method, access: t.access, tags: t.tags }));
    expect(tools).toEqual([
      { name: 'list_contacts', method: 'GET', access: 'read', tags: ['contacts'] },
      { name: 'create_contact', method: 'POST', access: 'write', tags: ['contacts'] },
      { name: 'get_contact', method: 'GET', access: 'read', tags: ['contacts'] },
      { name: 'search_deals', method: 'POST', access: 'read', tags: ['deals', 'search'] },
    ]);
    expect(skipped).toEqual([{ operation: 'DELETE /contacts/{contact_id}', reason: 'no description' }]);
    // $refs are resolved: the shared path parameter and the request-body schema.
    expect(integration.tools.get('get_contact')!.schema.required).toEqual(['contact_id']);
    expect(integration.tools.get('create_contact')!.schema.properties.email).toEqual({ type: 'string', format: 'email' });
  });

  it('refuses documents that are not valid OpenAPI, with the parser’s reason', async () => {
    await expect(loadOpenApi({ openapi: '3.0.3', info: { title: 'x' }, paths: {} })).rejects.toThrow(/^openapi: /);
    await expect(loadOpenApi({ swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} })).rejects.toThrow(/only OpenAPI 3/);
  });

  it('serves the tools end to end; a read-only server gets the POST search (access read) but not create', async () => {
    const conn = await gateway.provisioner.createConnection({ tenant: 'acme', integration: 'example-crm-openapi', credential: UPSTREAM_CREDENTIAL });
    const server = await gateway.provisioner.createServer(conn.id, { name: 'ro', config: { methods: ['read'] }, expires_at: Date.now() + 60_000 });
    const listed = await rpc(server.url, request('tools/list'));
    expect(listed.json.result.tools.map((t: { name: string }) => t.name)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
    const contact = await callTool(server.url, 'get_contact', { contact_id: 'c_2' });
    expect(JSON.parse(contact.json.result.content[0].text)).toMatchObject({ name: 'Grace Hopper' });
    expect((await callTool(server.url, 'create_contact', { name: 'x' })).json.error.message).toBe('Unknown tool');
  });

  it('npm start reads OpenAPI files listed in GATEWAY_INTEGRATIONS, base URL overridable by name', () => {
    const o = optionsFromEnv({ GATEWAY_INTEGRATIONS: EXAMPLE_CRM_OPENAPI_PATH, GATEWAY_BASE_URL__EXAMPLE_CRM_OPENAPI: 'http://127.0.0.1:1/api/v1', GATEWAY_STORE: 'memory' });
    expect(o.integrations).toEqual([{ openapi: EXAMPLE_CRM_OPENAPI_PATH }]);
    expect(o.baseUrlOverrides).toEqual({ EXAMPLE_CRM_OPENAPI: 'http://127.0.0.1:1/api/v1' });
  });
});
