/** `npm run conformance -w @slapage/gateway`: starts the mock upstream and a gateway, provisions a server and runs the official conformance scenarios against it. */

import { startGateway } from '../src/index.ts';
import { MOCK_DIAGNOSTICS_PATH, startMockUpstream } from '../src/testing.ts';
import { runScenarios } from './conformance-lib.ts';

const mock = await startMockUpstream({ record: false });
const gateway = await startGateway({
  integrations: [{ file: MOCK_DIAGNOSTICS_PATH, baseUrl: mock.baseUrl }],
  allowPrivateNetworks: ['127.0.0.1/32'],
  log: 'none',
});
let failed = 0;
try {
  const conn = await gateway.provisioner.createConnection({ tenant: 'conformance', integration: 'mock-diagnostics', credential: 'unused' });
  const server = await gateway.provisioner.createServer(conn.id, { name: 'conformance', config: { methods: ['GET'] }, expires_at: Date.now() + 600_000 });
  for (const r of await runScenarios(server.url)) {
    process.stdout.write(`${r.passed ? 'PASS' : 'FAIL'} ${r.scenario}\n`);
    if (!r.passed) {
      failed++;
      process.stdout.write(r.output + '\n');
    }
  }
} finally {
  await gateway.close();
  await mock.close();
}
process.exitCode = failed === 0 ? 0 : 1;
