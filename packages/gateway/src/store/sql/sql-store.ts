/** ConfigStore over SQL, shared by the SQLite and PostgreSQL drivers: the same statements (`?` placeholders), row mapping, migrations at open, the purge under a lock one instance holds at a time, and audit appends serialized by a lock so several instances keep one chain. */

import { chainHash, GENESIS_HASH, type AuditEvent, type AuditOutcome, type AuditRecord } from '../../audit/audit.ts';
import type { AuditAnchor, ConfigStore, ConnectionRecord, PurgeCutoffs, PurgeResult, ServerFilter, ServerRecord } from '../store.ts';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.ts';

export type Row = Record<string, unknown>;

export interface SqlRunner {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The named locks: `migrate` and `audit` wait for their turn; `purge` is tried and skipped when another instance holds it. */
export type LockName = 'migrate' | 'audit' | 'purge';

export interface SqlDriver extends SqlRunner {
  readonly kind: string;
  /** Runs `fn` in one transaction holding `lock`; resolves null (without running fn) when `skipIfBusy` and the lock is taken. */
  transaction<T>(lock: LockName, fn: (q: SqlRunner) => Promise<T>, skipIfBusy?: boolean): Promise<T | null>;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT as text; SQLite returns numbers. Epoch milliseconds fit in a double either way.
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function connection(r: Row): ConnectionRecord {
  return { id: String(r.id), tenant: String(r.tenant), integration: String(r.integration), credential_sealed: String(r.credential_sealed), created_at: num(r.created_at) };
}

function server(r: Row): ServerRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    tenant: String(r.tenant),
    connection_id: String(r.connection_id),
    integration: String(r.integration),
    config: JSON.parse(String(r.config)),
    token_hash: String(r.token_hash),
    api_token_hash: strOrNull(r.api_token_hash),
    created_at: num(r.created_at),
    expires_at: num(r.expires_at),
    revoked_at: numOrNull(r.revoked_at),
  };
}

function audit(r: Row): AuditRecord {
  return {
    id: num(r.id),
    at: num(r.at),
    actor_role: strOrNull(r.actor_role),
    actor_key_id: strOrNull(r.actor_key_id),
    action: String(r.action),
    target: strOrNull(r.target),
    outcome: String(r.outcome) as AuditOutcome,
    status: num(r.status),
    address: strOrNull(r.address),
    prev_hash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

const SERVER_COLUMNS = 'id, name, tenant, connection_id, integration, config, token_hash, api_token_hash, created_at, expires_at, revoked_at';

export class SqlStore implements ConfigStore {
  readonly persistent = true;
  readonly #db: SqlDriver;

  private constructor(db: SqlDriver) {
    this.#db = db;
  }

  get kind(): string {
    return this.#db.kind;
  }

  /** Opens the store and applies pending migrations. */
  static async open(db: SqlDriver, now: () => number = Date.now): Promise<SqlStore> {
    await db.transaction('migrate', async (q) => {
      await q.query(MIGRATIONS_TABLE);
      const done = new Set((await q.query('SELECT version FROM schema_migrations')).map((r) => num(r.version)));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        for (const s of m.statements) await q.query(s);
        await q.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now()]);
      }
    });
    return new SqlStore(db);
  }

  /** Applied migration versions, in order (for tests and operators). */
  async migrations(): Promise<number[]> {
    return (await this.#db.query('SELECT version FROM schema_migrations ORDER BY version')).map((r) => num(r.version));
  }

  async putConnection(r: ConnectionRecord): Promise<void> {
    await this.#db.query('INSERT INTO connections (id, tenant, integration, credential_sealed, created_at) VALUES (?, ?, ?, ?, ?)', [
      r.id,
      r.tenant,
      r.integration,
      r.credential_sealed,
      r.created_at,
    ]);
  }

  async getConnection(id: string): Promise<ConnectionRecord | undefined> {
    const [r] = await this.#db.query('SELECT * FROM connections WHERE id = ?', [id]);
    return r && connection(r);
  }

  async listConnections(): Promise<ConnectionRecord[]> {
    return (await this.#db.query('SELECT * FROM connections ORDER BY created_at, id')).map(connection);
  }

  async resealConnections(reseal: (record: ConnectionRecord) => string | null): Promise<number> {
    return (
      (await this.#db.transaction('migrate', async (q) => {
        let n = 0;
        for (const row of await q.query('SELECT * FROM connections')) {
          const sealed = reseal(connection(row));
          if (sealed === null) continue;
          await q.query('UPDATE connections SET credential_sealed = ? WHERE id = ?', [sealed, row.id]);
          n++;
        }
        return n;
      })) ?? 0
    );
  }

  async putServer(r: ServerRecord): Promise<void> {
    const values = [r.id, r.name, r.tenant, r.connection_id, r.integration, JSON.stringify(r.config), r.token_hash, r.api_token_hash, r.created_at, r.expires_at, r.revoked_at];
    await this.#db.query(
      `INSERT INTO servers (${SERVER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, config = excluded.config, token_hash = excluded.token_hash,
         api_token_hash = excluded.api_token_hash, expires_at = excluded.expires_at, revoked_at = excluded.revoked_at`,
      values,
    );
  }

  async getServer(id: string): Promise<ServerRecord | undefined> {
    const [r] = await this.#db.query(`SELECT ${SERVER_COLUMNS} FROM servers WHERE id = ?`, [id]);
    return r && server(r);
  }

  async findServerByTokenHash(tokenHash: string): Promise<ServerRecord | undefined> {
    const [r] = await this.#db.query(`SELECT ${SERVER_COLUMNS} FROM servers WHERE token_hash = ?`, [tokenHash]);
    return r && server(r);
  }

  async listServers(filter: ServerFilter = {}): Promise<ServerRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.tenant !== undefined) {
      where.push('tenant = ?');
      params.push(filter.tenant);
    }
    if (filter.connection_id !== undefined) {
      where.push('connection_id = ?');
      params.push(filter.connection_id);
    }
    const sql = `SELECT ${SERVER_COLUMNS} FROM servers${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`;
    return (await this.#db.query(sql, params)).map(server);
  }

  async revokeServer(id: string, at: number): Promise<ServerRecord | undefined> {
    await this.#db.query('UPDATE servers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
    return this.getServer(id);
  }

  async purge(c: PurgeCutoffs): Promise<PurgeResult | null> {
    return this.#db.transaction(
      'purge',
      async (q) => {
        const ids = (await q.query('SELECT id FROM servers WHERE expires_at <= ? OR (revoked_at IS NOT NULL AND revoked_at <= ?)', [c.now, c.now])).map((r) =>
          String(r.id),
        );
        if (ids.length > 0) await q.query('DELETE FROM servers WHERE expires_at <= ? OR (revoked_at IS NOT NULL AND revoked_at <= ?)', [c.now, c.now]);
        // An append racing this run links to the last deleted record, which is exactly the anchor written here.
        const [last] = await q.query('SELECT id, hash FROM audit_log WHERE at <= ? ORDER BY id DESC LIMIT 1', [c.auditBefore]);
        let auditDeleted = 0;
        if (last) {
          const [{ n }] = (await q.query('SELECT COUNT(*) AS n FROM audit_log WHERE id <= ?', [last.id])) as [{ n: unknown }];
          auditDeleted = num(n);
          await q.query('DELETE FROM audit_log WHERE id <= ?', [last.id]);
          await q.query('DELETE FROM audit_anchor');
          await q.query('INSERT INTO audit_anchor (singleton, after_id, hash) VALUES (1, ?, ?)', [last.id, last.hash]);
        }
        return { servers: ids, audit: auditDeleted };
      },
      true,
    );
  }

  async appendAudit(event: AuditEvent): Promise<AuditRecord> {
    const record = await this.#db.transaction('audit', async (q) => {
      const [last] = await q.query('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
      const anchor = last ? null : await this.#anchor(q);
      const id = last ? num(last.id) + 1 : (anchor?.after_id ?? 0) + 1;
      const prev_hash = last ? String(last.hash) : (anchor?.hash ?? GENESIS_HASH);
      const r: AuditRecord = { id, ...event, prev_hash, hash: '' };
      r.hash = chainHash(r);
      await q.query(
        'INSERT INTO audit_log (id, at, actor_role, actor_key_id, action, target, outcome, status, address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [r.id, r.at, r.actor_role, r.actor_key_id, r.action, r.target, r.outcome, r.status, r.address, r.prev_hash, r.hash],
      );
      return r;
    });
    return record!;
  }

  async listAudit(since?: number): Promise<AuditRecord[]> {
    const rows =
      since === undefined
        ? await this.#db.query('SELECT * FROM audit_log ORDER BY id')
        : await this.#db.query('SELECT * FROM audit_log WHERE at >= ? ORDER BY id', [since]);
    return rows.map(audit);
  }

  async auditAnchor(): Promise<AuditAnchor | null> {
    return this.#anchor(this.#db);
  }

  async #anchor(q: SqlRunner): Promise<AuditAnchor | null> {
    const [a] = await q.query('SELECT after_id, hash FROM audit_anchor WHERE singleton = 1');
    return a ? { after_id: num(a.after_id), hash: String(a.hash) } : null;
  }

  /** Raw access for tests and the key-rotation script (e.g. to show that a hand edit is detected). */
  get driver(): SqlDriver {
    return this.#db;
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
