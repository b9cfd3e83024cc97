/** `npm run gateway:demo`: starts the mock upstream and the gateway on 127.0.0.1, provisions a read-only demo server and prints its MCP URL; runs until interrupted. */

import { randomBytes } from 'node:crypto';
import { EXAMPLE_CRM_PATH, startGateway } from '../src/index.ts';
import { startMockUpstream } from '../src/testing.ts';

const UPSTREAM_CREDENTIAL = 'demo-upstream-key';
const port = Number(process.env.GATEWAY_PORT ?? 0);
const adminKey = process.env.GATEWAY_ADMIN_KEY ?? randomBytes(24).toString('base64url');

const mock = await startMockUpstream({ expectedCredential: UPSTREAM_CREDENTIAL, record: false });
const gateway = await startGateway({
  port,
  adminKey,
  integrations: [{ file: EXAMPLE_CRM_PATH, baseUrl: mock.baseUrl }],
  // The demo upstream is on loopback, which the SSRF policy refuses unless allowed.
  allowPrivateNetworks: ['127.0.0.1/32'],
});

const connection = await gateway.provisioner.createConnection({ tenant: 'demo-tenant', integration: 'example-crm', credential: UPSTREAM_CREDENTIAL });
const server = await gateway.provisioner.createServer(connection.id, {
  name: 'Demo CRM (read-only)',
  config: { methods: ['GET'], tags: [], require_api_token_auth: false },
  expires_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
});

process.stderr.write(
  [
    `mock upstream:  ${mock.baseUrl}`,
    `gateway:        ${gateway.url}`,
    `admin key:      ${adminKey}`,
    `demo server:    ${server.id} (tenant ${server.tenant}, read-only, expires ${server.expires_at})`,
    '',
    'Try:',
    `  curl -s -X POST '${server.url}' -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \\`,
    `    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_contact","arguments":{"contact_id":"c_1"}}}'`,
    '',
    'Access log (metadata only) follows on stdout. Ctrl-C to stop.',
    '',
  ].join('\n'),
);
// The one line scripts look for.
process.stdout.write(`MCP URL: ${server.url}\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  await mock.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
