import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CRM_PATH } from '../src/server/config.ts';
import { GatewayError } from '../src/base/errors.ts';
import { startMockUpstream, type MockUpstream } from '../src/testing/mock-upstream.ts';
import { startGateway, type Gateway, type GatewayOptions } from '../src/server/server.ts';
import { SQLITE_FILE } from '../src/store/sql/sqlite.ts';
import { admin, ADMIN_KEY, callTool } from './helpers.ts';

const run = promisify(execFile);
const START = fileURLToPath(new URL('../scripts/start.ts', import.meta.url));
const ROTATE = fileURLToPath(new URL('../scripts/rotate-key.ts', import.meta.url));

const CREDENTIAL = 'CANARY-CREDENTIAL-sqlite-93a1fe';
const HMAC_KEY = randomBytes(32).toString('hex');
const KEY_1 = randomBytes(32).toString('hex');
const KEY_2 = randomBytes(32).toString('hex');

let dir: string;
let mock: MockUpstream;
const running: Gateway[] = [];

async function gateway(encryptionKey: string, extra: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const g = await startGateway({
    adminKey: ADMIN_KEY,
    hmacKey: HMAC_KEY,
    encryptionKey,
    store: { kind: 'sqlite', dir },
    logDir: join(dir, 'logs'),
    integrations: [{ file: EXAMPLE_CRM_PATH, baseUrl: mock.baseUrl }],
    allowPrivateNetworks: ['127.0.0.1/32'],
    ...extra,
  });
  running.push(g);
  return g;
}

/** Every byte under the data folder (database, WAL, logs), as latin1 so any ASCII secret is found wherever it sits. */
function allBytes(root: string): string {
  let out = '';
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    if (statSync(path).isFile()) out += readFileSync(path).toString('latin1');
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slapage-gw-sqlite-'));
  mock = await startMockUpstream({ expectedCredential: CREDENTIAL, record: false });
});

afterAll(async () => {
  for (const g of running) await g.close();
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a gateway on SQLite alone', () => {
  let token = '';
  let apiToken = '';
  let serverId = '';

  it('keeps its servers across restarts', async () => {
    let g = await gateway(KEY_1);
    const conn = await admin(g, 'POST', '/admin/connections', { tenant: 'acme', integration: 'example-crm', credential: CREDENTIAL });
    const created = await admin(g, 'POST', `/admin/connections/${conn.json.id}/servers`, {
      name: 'durable',
      config: { methods: ['GET'], tags: [], require_api_token_auth: true },
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    ({ token, api_token: apiToken, id: serverId } = created.json);
    const auth = { authorization: 'Bearer ' + apiToken };
    expect((await callTool(g.mcpUrl(token), 'get_contact', { contact_id: 'c_1' }, auth)).json.result.isError).toBe(false);
    await g.close();

    g = await gateway(KEY_1);
    expect((await callTool(g.mcpUrl(token), 'get_contact', { contact_id: 'c_1' }, auth)).json.result.isError).toBe(false);
    expect((await admin(g, 'GET', '/admin/servers')).json.servers.map((s: { id: string }) => s.id)).toEqual([serverId]);
    const db = new DatabaseSync(join(dir, SQLITE_FILE), { readOnly: true });
    expect(db.prepare('SELECT version FROM schema_migrations').all().map((r) => r.version)).toEqual([1]);
    db.close();
    await g.close();
  });

  it('writes no credential, token or key to its database files or logs', async () => {
    const files = readdirSync(dir, { recursive: true }) as string[];
    expect(files).toContain(SQLITE_FILE);
    expect(files.some((f) => f.startsWith('logs/access-'))).toBe(true);
    const bytes = allBytes(dir);
    expect(bytes).toContain(serverId);
    for (const secret of [CREDENTIAL, token, token.slice(4), apiToken, apiToken.slice(4), ADMIN_KEY, KEY_1, HMAC_KEY]) expect(bytes).not.toContain(secret);
  });

  it('rotates the encryption key: credentials re-sealed, the old key no longer needed', async () => {
    const env = { ...process.env, GATEWAY_STORE: 'sqlite', GATEWAY_DATA_DIR: dir, GATEWAY_ENCRYPTION_KEY: KEY_2, GATEWAY_PREVIOUS_ENCRYPTION_KEYS: KEY_1 };
    const { stdout } = await run(process.execPath, [ROTATE], { env });
    expect(stdout).toMatch(/^re-sealed 1 of 1 credentials under key [0-9a-f]{16} \(sqlite store\)\n$/);
    expect((await run(process.execPath, [ROTATE], { env })).stdout).toMatch(/^re-sealed 0 of 1/);
    const g = await gateway(KEY_2);
    expect((await callTool(g.mcpUrl(token), 'get_contact', { contact_id: 'c_1' }, { authorization: 'Bearer ' + apiToken })).json.result.isError).toBe(false);
    await g.close();
  });

  it('reports an audit record edited by hand', async () => {
    const g = await gateway(KEY_2);
    expect((await admin(g, 'POST', '/admin/audit/verify')).json).toMatchObject({ ok: true, first_bad: null });
    const db = new DatabaseSync(join(dir, SQLITE_FILE));
    db.prepare("UPDATE audit_log SET address = '203.0.113.9' WHERE id = 2").run();
    db.close();
    const verified = await admin(g, 'POST', '/admin/audit/verify');
    expect(verified.json).toMatchObject({ ok: false, first_bad: 2 });
    expect(verified.json.records).toBeGreaterThan(2);
  });
});

describe('start-up with a persistent store but no fixed keys', () => {
  it('is refused by startGateway with a message naming both variables', async () => {
    const error = await startGateway({ store: { kind: 'sqlite', dir: join(dir, 'refused') }, hmacKey: HMAC_KEY, integrations: [{ file: EXAMPLE_CRM_PATH }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as Error).message).toMatch(/GATEWAY_HMAC_KEY and GATEWAY_ENCRYPTION_KEY/);
  });

  it('is refused by npm start with one line on stderr, exit status 2 and no stack trace', async () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GATEWAY_DATA_DIR: join(dir, 'cli'), GATEWAY_PORT: '0' };
    const result = await run(process.execPath, [START], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^gateway: the sqlite store keeps servers and credentials across restarts, so it needs fixed keys: set GATEWAY_HMAC_KEY and GATEWAY_ENCRYPTION_KEY/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
