import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, type Clock } from '../src/base/clock.ts';
import { ERAS, eraClient, startStack, type Stack } from './helpers.ts';

const MINUTE = 60_000;
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const tick = () => new Promise((r) => setImmediate(r));

describe.each(ERAS)('in MCP $version', (era) => {
  const { rpc, request, callTool } = eraClient(era);

  describe('expiry, three layers, on a controllable clock', () => {
    it('layer 1: the request-time check refuses an expired token even if nothing evicted it', async () => {
      const clock = manualClock();
      // Timers never fire: eviction (layer 2) and purge (layer 3) are switched off, leaving only the request-time check.
      const stuck: Clock = { now: () => clock.now(), schedule: () => () => {} };
      stack = await startStack({ clock: stuck });
      const server = await stack.provision({ expires_at: clock.now() + 10 * MINUTE });
      expect((await rpc(server.url, request('tools/list'))).status).toBe(200);
      expect(stack.gateway.registry.size).toBe(1);
      clock.advance(10 * MINUTE - 1);
      expect((await rpc(server.url, request('tools/list'))).status).toBe(200);
      clock.advance(1);
      expect(stack.gateway.registry.size).toBe(1);
      expect((await rpc(server.url, request('tools/list'))).status).toBe(401);
      expect(stack.gateway.registry.size).toBe(0);
      // The record still exists (no purge ran), and a reload from the store is refused too.
      expect(await stack.gateway.store.getServer(server.id)).toBeDefined();
      expect((await rpc(server.url, request('tools/list'))).status).toBe(401);
    });

    it('layer 2: the in-memory token store evicts the entry at expires_at, without a request', async () => {
      const clock = manualClock();
      stack = await startStack({ clock, gateway: { tokenCacheTtlMs: 24 * 60 * MINUTE } });
      const server = await stack.provision({ expires_at: clock.now() + 5 * MINUTE });
      await rpc(server.url, request('tools/list'));
      expect(stack.gateway.registry.size).toBe(1);
      clock.advance(5 * MINUTE - 1);
      expect(stack.gateway.registry.size).toBe(1);
      clock.advance(1);
      expect(stack.gateway.registry.size).toBe(0);
      expect((await rpc(server.url, request('tools/list'))).status).toBe(401);
    });

    it('layer 3: the purge job deletes configuration records after expiry and revocation', async () => {
      const clock = manualClock();
      stack = await startStack({ clock, gateway: { purgeIntervalMs: MINUTE } });
      const short = await stack.provision({ expires_at: clock.now() + 30_000 });
      const long = await stack.provision({ expires_at: clock.now() + 60 * MINUTE });
      const revoked = await stack.provision({ expires_at: clock.now() + 60 * MINUTE });
      await stack.gateway.provisioner.revokeServer(revoked.id);
      clock.advance(30_000);
      await tick();
      // Expired but not yet purged: the purge runs on its interval.
      expect((await stack.gateway.provisioner.getServer(short.id)).status).toBe('expired');
      clock.advance(30_000);
      await tick();
      const ids = (await stack.gateway.store.listServers()).map((s) => s.id);
      expect(ids).toEqual([long.id]);
      clock.advance(60 * MINUTE);
      await tick();
      expect(await stack.gateway.store.listServers()).toEqual([]);
    });

    it('a revocation made directly in a shared store reaches a gateway within the token cache TTL', async () => {
      const clock = manualClock();
      stack = await startStack({ clock, gateway: { tokenCacheTtlMs: 1_000 } });
      const server = await stack.provision();
      expect((await rpc(server.url, request('tools/list'))).status).toBe(200);
      await stack.gateway.store.revokeServer(server.id, clock.now());
      expect((await rpc(server.url, request('tools/list'))).status).toBe(200);
      clock.advance(1_000);
      expect((await rpc(server.url, request('tools/list'))).status).toBe(401);
    });

    it('revocation through the provisioner is immediate', async () => {
      const clock = manualClock();
      stack = await startStack({ clock });
      const server = await stack.provision();
      expect((await rpc(server.url, request('tools/list'))).status).toBe(200);
      await stack.gateway.provisioner.revokeServer(server.id);
      expect((await rpc(server.url, request('tools/list'))).status).toBe(401);
    });
  });
});
