/** Versioned schema migrations shared by SQLite and PostgreSQL (the SQL is written in their common subset); applied in order at start, each once, recorded in schema_migrations. */

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'connections, servers, audit chain',
    statements: [
      `CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        integration TEXT NOT NULL,
        credential_sealed TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        tenant TEXT NOT NULL,
        connection_id TEXT NOT NULL REFERENCES connections (id),
        integration TEXT NOT NULL,
        config TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        api_token_hash TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT
      )`,
      'CREATE INDEX servers_tenant ON servers (tenant)',
      'CREATE INDEX servers_connection ON servers (connection_id)',
      'CREATE INDEX servers_expires ON servers (expires_at)',
      `CREATE TABLE audit_log (
        id BIGINT PRIMARY KEY,
        at BIGINT NOT NULL,
        actor_role TEXT,
        actor_key_id TEXT,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL,
        status INTEGER NOT NULL,
        address TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      'CREATE INDEX audit_log_at ON audit_log (at)',
      // Where the chain starts once retention has deleted its head: the last deleted id and hash.
      'CREATE TABLE audit_anchor (singleton INTEGER PRIMARY KEY, after_id BIGINT NOT NULL, hash TEXT NOT NULL)',
    ],
  },
];

/** The bookkeeping table itself; created before any migration runs. */
export const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';
