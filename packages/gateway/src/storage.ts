/** Opens the configured store: in-process memory, SQLite in a data folder (the embedded default of `npm start`), or PostgreSQL by URL; SQL stores apply their migrations as they open. */

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
        throw err;
      }
    }
  }
}
