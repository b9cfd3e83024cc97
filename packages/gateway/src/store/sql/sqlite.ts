/** The embedded default store: one SQLite file under the data directory through node:sqlite (built into Node, no native build), WAL journaling, transactions serialized in-process. */

import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LockName, Row, SqlDriver, SqlRunner } from './sql-store.ts';

export const SQLITE_FILE = 'gateway.sqlite';

export class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite';
  readonly #db: DatabaseSync;
  #queue: Promise<unknown> = Promise.resolve();

  /** Opens (creating when needed) `<dir>/gateway.sqlite`, readable by its owner only. */
  constructor(dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, SQLITE_FILE);
    this.#db = new DatabaseSync(file);
    chmodSync(file, 0o600);
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
  }

  query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    try {
      return Promise.resolve(this.#db.prepare(sql).all(...(params as never[])) as Row[]);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** SQLite locks the whole file for a write transaction (BEGIN IMMEDIATE), which covers every named lock. */
  transaction<T>(_lock: LockName, fn: (q: SqlRunner) => Promise<T>): Promise<T | null> {
    // One connection: transactions must not interleave, so they queue.
    const run = this.#queue.then(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this);
        this.#db.exec('COMMIT');
        return out;
      } catch (err) {
        this.#db.exec('ROLLBACK');
        throw err;
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    await this.#queue;
    if (this.#db.isOpen) this.#db.close();
  }
}
