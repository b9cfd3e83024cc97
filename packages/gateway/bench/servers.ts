/** Benchmark child process: runs the mock upstream, the gateway, or both, reports their URLs over IPC, and answers CPU-usage and RSS queries; exits when the parent disconnects. BENCH_GATEWAY_OPTIONS (JSON) adds gateway options such as a store, an edge and keys. */

import { MOCK_DIAGNOSTICS_PATH } from '../src/server/config.ts';
import { startGateway, type GatewayOptions } from '../src/server/server.ts';
import { startMockUpstream } from '../src/testing.ts';
import { BENCH_CREDENTIAL, type CpuReply, type Ready, type Role, type RssReply } from './ipc.ts';

const extra = JSON.parse(process.env.BENCH_GATEWAY_OPTIONS ?? '{}') as Partial<GatewayOptions>;

async function main(role: Role, upstreamBaseUrl: string | undefined): Promise<void> {
  const closers: (() => Promise<void>)[] = [];
  const ready: Ready = { type: 'ready' };
  let baseUrl = upstreamBaseUrl;
  if (role === 'mock' || role === 'both') {
    const mock = await startMockUpstream({ record: false, expectedCredential: BENCH_CREDENTIAL });
    closers.push(() => mock.close());
    baseUrl = mock.baseUrl;
    ready.mockBaseUrl = mock.baseUrl;
  }
  if (role === 'gateway' || role === 'both') {
    if (baseUrl === undefined) throw new Error('gateway role needs the mock base URL');
    const gateway = await startGateway({
      integrations: [{ file: MOCK_DIAGNOSTICS_PATH, baseUrl }],
      allowPrivateNetworks: ['127.0.0.1/32'],
      // Lines are recorded and formatted as in production, then dropped: the benchmark counts the log's CPU, not a terminal's.
      log: () => {},
      ...extra,
    });
    closers.push(() => gateway.close());
    const connection = await gateway.provisioner.createConnection({ tenant: 'bench', integration: 'mock-diagnostics', credential: BENCH_CREDENTIAL });
    const server = await gateway.provisioner.createServer(connection.id, {
      name: 'bench',
      config: { methods: ['GET'], tags: [], require_api_token_auth: false },
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    ready.gatewayUrl = gateway.url;
    ready.token = server.token;
  }
  process.on('message', (msg: { type?: string }) => {
    if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'cpu', micros: user + system } satisfies CpuReply);
    }
    if (msg.type === 'rss') process.send!({ type: 'rss', bytes: process.memoryUsage.rss() } satisfies RssReply);
  });
  // Closing the servers (rather than exiting at once) lets --cpu-prof write its profile.
  process.on('disconnect', () => {
    void Promise.all(closers.map((c) => c())).then(() => process.exit(0));
  });
  process.send!(ready);
}

const [role, upstream] = process.argv.slice(2);
if (role !== 'mock' && role !== 'gateway' && role !== 'both') {
  process.stderr.write('usage: servers.ts mock|gateway|both [upstreamBaseUrl]\n');
  process.exit(2);
}
await main(role, upstream);
