/** The shared store for several instances: PostgreSQL through a pg Pool, `?` placeholders rewritten to `$n`, named locks as transaction-scoped advisory locks (the purge only tries its lock, so one instance at a time runs it). */

import pg from 'pg';
import type { LockName, Row, SqlDriver, SqlRunner } from './sql-store.ts';

// Fixed advisory-lock keys, one per named lock (arbitrary constants, "slapage" in the high bits).
const LOCK_KEYS: Record<LockName, number> = { migrate: 0x5a_1a_9e_01, audit: 0x5a_1a_9e_02, purge: 0x5a_1a_9e_03 };

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => '$' + ++n);
}

export class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;

  constructor(connectionString: string, max = 10) {
    this.#pool = new pg.Pool({ connectionString, max });
    // An idle client losing its server must not crash the process; the next query gets a fresh client.
    this.#pool.on('error', () => {});
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query(numbered(sql), params as unknown[])).rows;
  }

  async transaction<T>(lock: LockName, fn: (q: SqlRunner) => Promise<T>, skipIfBusy = false): Promise<T | null> {
    const client = await this.#pool.connect();
    const q: SqlRunner = { query: async (sql, params = []) => (await client.query(numbered(sql), params as unknown[])).rows };
    try {
      await client.query('BEGIN');
      if (skipIfBusy) {
        const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1) AS got', [LOCK_KEYS[lock]]);
        if (!rows[0].got) {
          await client.query('ROLLBACK');
          return null;
        }
      } else {
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS[lock]]);
      }
      const out = await fn(q);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
