/** What every check gets: the clients, the probe upstream, the policy under test, two tenants' connections, and helpers to create servers and count upstream requests. */
import { randomBytes } from 'node:crypto';
import type { Policy } from '../model/policy.ts';
import type { CheckId } from '../claims/checks.ts';
import { McpUnreachable, type McpSession } from '../measure/mcp-client.ts';
import { GatewayUnreachable, type AdminClient, type Answer } from './http.ts';
import type { ProbeUpstream } from './probe-upstream.ts';

/** A value observed during a check, as kept in the evidence file. */
export type Observed = string | number | boolean | null | readonly (string | number)[];

export interface Outcome {
  readonly status: 'pass' | 'fail' | 'not-applicable';
  /** The claim as the policy states it, with its values ("servers expire within 30 days"). */
  readonly claim: string;
  /** What the gateway did, in one sentence (the line a failure prints). */
  readonly did: string;
  readonly observed: Readonly<Record<string, Observed>>;
  /** Where in the field's file the claim sits, when not at the catalogue's field (e.g. one item of a list). */
  readonly path?: readonly (string | number)[];
  /** The file, when not the catalogue field's (e.g. latency.yaml for the 429 timing). */
  readonly kind?: string;
}

export type Check = (ctx: VerifyContext) => Promise<Outcome>;

export interface Connection {
  readonly id: string;
  readonly tenant: string;
  readonly credential: string;
}

export interface CreatedServer {
  readonly id: string;
  readonly url: string;
  readonly token: string;
  readonly api_token?: string;
  readonly expires_at: string;
}

export class VerifySetupError extends Error {}

export interface ServerRequest {
  methods?: string[];
  tags?: string[];
  requireApiToken?: boolean;
  /** Milliseconds from now; default one hour. */
  lifetimeMs?: number;
  connection?: Connection;
}

export class VerifyContext {
  readonly admin: AdminClient;
  readonly probe: ProbeUpstream;
  readonly policy: Policy;
  readonly integration: string;
  /** When the run started (RFC 3339), to read only this run's audit records. */
  readonly startedAt: string;
  /** The reference gateway's data folder when verify started it: searched for canaries. */
  readonly dataDir: string | undefined;
  readonly created: string[] = [];
  /** Admin actions this run performed, by audit action name. */
  readonly actions = new Set<string>();
  tenantA!: Connection;
  tenantB!: Connection;
  /** Created first so it has expired by the time the expiry checks run. */
  shortLived!: CreatedServer;
  /** Its tools/list status right after creation (200 when it works at all). */
  shortLivedStatus: number | null = null;
  readonly results = new Map<CheckId, Outcome>();
  /** The first MCP endpoint verify opened, in the era it discovered or was told; every other endpoint speaks its version. */
  session!: McpSession;
  /** Endpoints opened so far, by URL and the headers a handshake depends on (a legacy session is per endpoint). */
  readonly #sessions = new Map<string, Promise<McpSession>>();

  constructor(o: { admin: AdminClient; probe: ProbeUpstream; policy: Policy; integration: string; dataDir?: string }) {
    this.admin = o.admin;
    this.probe = o.probe;
    this.policy = o.policy;
    this.integration = o.integration;
    this.dataDir = o.dataDir;
    // The audit log's times have millisecond precision; a second earlier keeps the first record of this run.
    this.startedAt = new Date(Date.now() - 1000).toISOString();
  }

  /** A fresh marker to find one check's requests at the upstream. */
  marker(what: string): string {
    return `slapage-${what}-${randomBytes(6).toString('hex')}`;
  }

  /** Upstream requests whose URL, headers or body contain `text`. */
  hits(text: string): number {
    return this.probe.requests.filter((r) => r.url.includes(text) || r.body.includes(text) || JSON.stringify(r.headers).includes(text)).length;
  }

  async connect(tenant: string): Promise<Connection> {
    const credential = this.marker(`credential-${tenant}`);
    const r = await this.admin.call('POST', '/admin/connections', { tenant, integration: this.integration, credential });
    this.actions.add('connection.create');
    if (r.status !== 201 || typeof r.json?.id !== 'string') throw new VerifySetupError(`cannot create a connection for the ${this.integration} integration: ${describeAnswer(r)}`);
    return { id: r.json.id, tenant, credential };
  }

  /** Creates a server; the raw answer when the gateway refused it. */
  async tryServer(request: ServerRequest): Promise<{ server: CreatedServer } | { refused: Answer }> {
    const expires = new Date(Date.now() + (request.lifetimeMs ?? 3600_000)).toISOString();
    const body = {
      name: `slapage-verify-${this.created.length + 1}`,
      config: { methods: request.methods ?? ['read'], tags: request.tags ?? [], require_api_token_auth: request.requireApiToken ?? false },
      expires_at: expires,
    };
    const r = await this.admin.call('POST', `/admin/connections/${(request.connection ?? this.tenantA).id}/servers`, body);
    this.actions.add('server.create');
    if (r.status !== 201 || typeof r.json?.url !== 'string') return { refused: r };
    this.created.push(r.json.id);
    return { server: { id: r.json.id, url: r.json.url, token: r.json.token, ...(r.json.api_token ? { api_token: r.json.api_token } : {}), expires_at: expires } };
  }

  async server(request: ServerRequest): Promise<CreatedServer> {
    const result = await this.tryServer(request);
    if ('refused' in result) throw new VerifySetupError(`cannot create an MCP server (${JSON.stringify(request.methods ?? ['read'])}, tags ${JSON.stringify(request.tags ?? [])}): ${describeAnswer(result.refused)}`);
    return result.server;
  }

  /** One MCP request to a server's URL in the run's era (a legacy handshake first, once per URL and bearer). */
  async mcp(url: string, method: string, params?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
    const opening = { ...(headers.authorization ? { authorization: headers.authorization } : {}), ...(headers.origin ? { origin: headers.origin } : {}) };
    const key = JSON.stringify([url, opening]);
    try {
      let session = this.#sessions.get(key);
      if (!session) {
        session = url === this.session.url && Object.keys(opening).length === 0 ? Promise.resolve(this.session) : this.session.sibling(url, opening);
        this.#sessions.set(key, session);
      }
      return await (await session).send(method, params, headers);
    } catch (error) {
      if (error instanceof McpUnreachable) throw new GatewayUnreachable(error.message);
      throw error;
    }
  }

  /** Ends the legacy sessions this run opened. */
  async closeSessions(): Promise<void> {
    for (const s of this.#sessions.values()) await (await s.catch(() => undefined))?.close();
  }

  async revoke(id: string): Promise<Answer> {
    this.actions.add('server.revoke');
    return this.admin.call('DELETE', `/admin/servers/${id}`);
  }
}

/** "HTTP 400 {"error":…}" shortened, for messages. */
export function describeAnswer(a: Answer): string {
  const body = a.text.length > 160 ? a.text.slice(0, 157) + '...' : a.text;
  return `HTTP ${a.status}${body ? ' ' + body.replace(/\s+/g, ' ') : ''}`;
}

/** The names of the tools an MCP tools/list answer lists. */
export function toolNames(a: Answer): string[] {
  const tools = a.json?.result?.tools;
  return Array.isArray(tools) ? tools.map((t: { name?: unknown }) => String(t.name)) : [];
}

/** Whether a tools/call answer refused the call: a JSON-RPC error, or a tool result marked isError. */
export function refused(a: Answer): boolean {
  return a.json?.error !== undefined || a.json?.result?.isError === true || a.status >= 400;
}
