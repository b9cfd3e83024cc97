/** `npm start -w @slapage/gateway`: runs the gateway configured from GATEWAY_* environment variables until SIGINT/SIGTERM. */

import { optionsFromEnv, startGateway } from '../src/index.ts';

const options = optionsFromEnv();
if (!options.adminKey) process.stderr.write('GATEWAY_ADMIN_KEY is not set: the provisioning API is disabled.\n');
if (!options.hmacKey) process.stderr.write('GATEWAY_HMAC_KEY is not set: using a random key, so tokens will not survive a restart.\n');
const gateway = await startGateway(options);
process.stderr.write(`MCP gateway listening on ${gateway.url}\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
