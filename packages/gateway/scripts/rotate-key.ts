/** `npm run rotate-key -w @slapage/gateway`: re-seals every stored upstream credential under GATEWAY_ENCRYPTION_KEY, opening old values with GATEWAY_PREVIOUS_ENCRYPTION_KEYS; afterwards the previous keys can be dropped. Store chosen as for `npm start`. */

import { storageFromEnv } from '../src/server/config.ts';
import { GatewayError } from '../src/base/errors.ts';
import { Sealer } from '../src/auth/sealing.ts';
import { openStore } from '../src/store/storage.ts';
import { parseKey } from '../src/auth/tokens.ts';

const env = process.env;
try {
  if (!env.GATEWAY_ENCRYPTION_KEY) throw new GatewayError(500, 'config', 'set GATEWAY_ENCRYPTION_KEY to the new key and GATEWAY_PREVIOUS_ENCRYPTION_KEYS to the old one(s)');
  const previous = (env.GATEWAY_PREVIOUS_ENCRYPTION_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const sealer = new Sealer(
    parseKey(env.GATEWAY_ENCRYPTION_KEY, 'GATEWAY_ENCRYPTION_KEY'),
    previous.map((k) => parseKey(k, 'GATEWAY_PREVIOUS_ENCRYPTION_KEYS')),
  );
  const store = await openStore(storageFromEnv(env));
  try {
    const total = (await store.listConnections()).length;
    const changed = await store.resealConnections((r) => sealer.reseal(r.credential_sealed, r.id));
    process.stdout.write(`re-sealed ${changed} of ${total} credentials under key ${sealer.currentKeyId} (${store.kind} store)\n`);
  } finally {
    await store.close();
  }
} catch (err) {
  if (!(err instanceof GatewayError)) throw err;
  process.stderr.write(`rotate-key: ${err.message}\n`);
  process.exit(2);
}
