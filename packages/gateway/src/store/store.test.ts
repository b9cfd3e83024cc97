import { describe, expect, it } from 'vitest';
import { MemoryStore } from './store.ts';
import { serverRecord as server } from '../../test/records.ts';

describe('MemoryStore', () => {
  it('finds servers by token hash and returns copies', async () => {
    const store = new MemoryStore();
    await store.putServer(server('s1', 100));
    const found = await store.findServerByTokenHash('h-s1');
    expect(found?.id).toBe('s1');
    found!.config.methods.push('DELETE');
    expect((await store.getServer('s1'))!.config.methods).toEqual(['GET']);
    expect(await store.findServerByTokenHash('nope')).toBeUndefined();
  });

  it('purges expired and revoked records, and their hash index entries', async () => {
    const store = new MemoryStore();
    await store.putServer(server('old', 100));
    await store.putServer(server('live', 1000));
    await store.putServer(server('revoked', 1000));
    await store.revokeServer('revoked', 50);
    expect((await store.purge({ now: 100, auditBefore: 0 })).servers.sort()).toEqual(['old', 'revoked']);
    expect((await store.listServers()).map((s) => s.id)).toEqual(['live']);
    expect(await store.findServerByTokenHash('h-old')).toBeUndefined();
  });
});
