/** `npm start -w @slapage/gateway`: runs the gateway configured from GATEWAY_* environment variables until SIGINT/SIGTERM; a configuration problem is one line on stderr and exit status 2, never a stack trace. */

import { GatewayError } from '../src/base/errors.ts';
import { optionsFromEnv, startGateway, type Gateway } from '../src/index.ts';

let gateway: Gateway;
try {
  const options = optionsFromEnv();
  if (!options.adminKey && !options.adminKeys) process.stderr.write('GATEWAY_ADMIN_KEY(S) is not set: the provisioning API is disabled.\n');
  if (!options.hmacKey) process.stderr.write('GATEWAY_HMAC_KEY is not set: using a random key, so tokens will not survive a restart.\n');
  gateway = await startGateway(options);
} catch (err) {
  if (!(err instanceof GatewayError)) throw err;
  process.stderr.write(`gateway: ${err.message}\n`);
  process.exit(2);
}
process.stderr.write(`MCP gateway listening on ${gateway.url} (store: ${gateway.store.kind}, edge: ${gateway.edge.kind})\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
