/** Opens the configured store: in-process memory, SQLite in a data folder (the embedded default of `npm start`), or PostgreSQL by URL; SQL stores apply their migrations as they open. */

import { GatewayError } from '../base/errors.ts';
import { PostgresDriver } from './sql/postgres.ts';
import { SqliteDriver } from './sql/sqlite.ts';
import { SqlStore } from './sql/sql-store.ts';
import { MemoryStore, type ConfigStore } from './store.ts';

export type StorageConfig = { kind: 'memory' } | { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };

export async function openStore(config: StorageConfig): Promise<ConfigStore> {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
      return SqlStore.open(new SqliteDriver(config.dir));
    case 'postgres': {
      const driver = new PostgresDriver(config.url);
      try {
        return await SqlStore.open(driver);
      } catch (err) {
        await driver.close().catch(() => {});
        throw new GatewayError(500, 'config', `cannot open the PostgreSQL store (GATEWAY_DATABASE_URL): ${describe(err)}`);
      }
    }
  }
}

/** A connection failure in one line, without the URL (it may carry a password). */
export function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (Array.isArray(e?.errors) && e.errors.length > 0) return describe(e.errors[0]);
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
  return typeof e?.message === 'string' ? e.message.split('\n')[0]! : String(err);
}
