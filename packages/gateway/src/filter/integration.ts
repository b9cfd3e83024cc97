/** Integration descriptions (an upstream REST API's operations) turned into MCP tools: validation, filtering by method/tag/read-only, tools/list bytes, and argument-to-request mapping that can never change the host. */

import { readFileSync } from 'node:fs';
import { checkObjectSchema, validateArguments, type ObjectSchema } from './arguments.ts';
import { GatewayError } from '../base/errors.ts';
import type { HttpMethod, ServerConfig } from '../store/store.ts';

export type Access = 'read' | 'write';

export interface OperationDescription {
  name: string;
  title?: string;
  method: HttpMethod;
  path: string;
  description: string;
  tags?: string[];
  access: Access;
  parameters?: unknown;
}

export interface IntegrationDescription {
  name: string;
  description?: string;
  base_url: string;
  /** How the tenant's credential is sent upstream. */
  auth?: { type: 'bearer' } | { type: 'header'; name: string } | { type: 'none' };
  operations: OperationDescription[];
}

export interface Tool {
  readonly name: string;
  readonly method: HttpMethod;
  readonly access: Access;
  readonly tags: readonly string[];
  readonly schema: ObjectSchema;
  /** The tools/list entry for this tool. */
  readonly listEntry: Record<string, unknown>;
  /** Literal path pieces alternating with parameter names: [lit, param, lit, param, lit...]. */
  readonly pathPieces: readonly string[];
  readonly pathParams: ReadonlySet<string>;
  readonly argsInQuery: boolean;
  /** The operation's verb for named method filters: the first word of its name (`list_contacts` -> `list`). */
  readonly verb: string;
}

export interface Integration {
  readonly name: string;
  readonly baseUrl: URL;
  /** base_url's path without a trailing slash; every upstream path starts with it. */
  readonly basePath: string;
  readonly auth: NonNullable<IntegrationDescription['auth']>;
  readonly tools: ReadonlyMap<string, Tool>;
}

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const SAFE_METHODS = new Set<HttpMethod>(['GET', 'HEAD']);
const QUERY_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'DELETE']);
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function fail(where: string, what: string): never {
  throw new GatewayError(400, 'integration_invalid', `${where}: ${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compileOperation(op: unknown, i: number): Tool {
  const where = `operations[${i}]`;
  if (!isObject(op)) fail(where, 'must be an object');
  const { name, title, method, path, description, tags, access } = op;
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) fail(where, 'name must match ' + TOOL_NAME.source);
  if (typeof method !== 'string' || !HTTP_METHODS.includes(method as HttpMethod)) fail(where, 'method must be one of ' + HTTP_METHODS.join(', '));
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || /[?#\s]/.test(path)) {
    fail(where, 'path must start with a single "/" and contain no query, fragment or whitespace');
  }
  if (typeof description !== 'string' || description.trim() === '') fail(where, 'description is required');
  if (title !== undefined && typeof title !== 'string') fail(where, 'title must be a string');
  if (access !== 'read' && access !== 'write') fail(where, 'access must be "read" or "write"');
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) fail(where, 'tags must be strings');
  const schema = checkObjectSchema(op.parameters, where + '.parameters');
  const m = method as HttpMethod;

  const pathPieces = path.split(/\{([A-Za-z_][A-Za-z0-9_]*)\}/);
  if (pathPieces.some((p, j) => j % 2 === 0 && /[{}]/.test(p))) fail(where, 'path has a malformed {placeholder}');
  const pathParams = new Set<string>();
  for (let j = 1; j < pathPieces.length; j += 2) {
    const p = pathPieces[j]!;
    const s = schema.properties[p];
    if (!s || !schema.required.includes(p) || (s.type !== 'string' && s.type !== 'integer')) {
      fail(where, `path parameter "${p}" must be a required string or integer parameter`);
    }
    pathParams.add(p);
  }
  const argsInQuery = QUERY_METHODS.has(m);
  if (argsInQuery) {
    for (const [p, s] of Object.entries(schema.properties)) {
      if (pathParams.has(p)) continue;
      if (s.type === 'object' || (s.type === 'array' && (s.items!.type === 'object' || s.items!.type === 'array'))) {
        fail(where, `query parameter "${p}" must be a scalar or an array of scalars`);
      }
    }
  }

  const listEntry: Record<string, unknown> = {
    name,
    ...(title === undefined ? {} : { title }),
    description,
    inputSchema: schema,
    annotations: {
      readOnlyHint: access === 'read',
      destructiveHint: access === 'write' && m === 'DELETE',
      idempotentHint: m !== 'POST' && m !== 'PATCH',
      openWorldHint: true,
    },
  };
  const verb = name.split(/[_.-]/)[0]!.toLowerCase();
  return { name, method: m, access, tags: (tags as string[] | undefined) ?? [], schema, listEntry, pathPieces, pathParams, argsInQuery, verb };
}

/** Validates a parsed description; throws GatewayError naming the first problem. */
export function compileIntegration(desc: unknown, options: { baseUrl?: string } = {}): Integration {
  if (!isObject(desc)) fail('integration', 'must be an object');
  const name = desc.name;
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) fail('name', 'must be lowercase letters, digits and dashes');
  const rawBase = options.baseUrl ?? desc.base_url;
  if (typeof rawBase !== 'string') fail('base_url', 'is required');
  let baseUrl: URL;
  try {
    baseUrl = new URL(rawBase);
  } catch {
    fail('base_url', 'is not a URL');
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') fail('base_url', 'must be http or https');
  if (baseUrl.username || baseUrl.password || baseUrl.search || baseUrl.hash) fail('base_url', 'must not carry credentials, query or fragment');
  const auth = desc.auth ?? { type: 'bearer' };
  if (
    !isObject(auth) ||
    !(auth.type === 'bearer' || auth.type === 'none' || (auth.type === 'header' && typeof auth.name === 'string' && /^[A-Za-z0-9-]+$/.test(auth.name)))
  ) {
    fail('auth', 'must be {type:"bearer"}, {type:"none"} or {type:"header", name}');
  }
  if (!Array.isArray(desc.operations) || desc.operations.length === 0) fail('operations', 'must be a non-empty array');
  const tools = new Map<string, Tool>();
  desc.operations.forEach((op, i) => {
    const tool = compileOperation(op, i);
    if (tools.has(tool.name)) fail(`operations[${i}]`, `duplicate name "${tool.name}"`);
    tools.set(tool.name, tool);
  });
  return {
    name,
    baseUrl,
    basePath: baseUrl.pathname.replace(/\/+$/, ''),
    auth: auth as Integration['auth'],
    tools,
  };
}

export function loadIntegrationFile(path: string, options: { baseUrl?: string } = {}): Integration {
  return compileIntegration(JSON.parse(readFileSync(path, 'utf8')), options);
}

/** Method filter words besides HTTP methods: access kinds. Anything else lowercase is a named operation. */
export const ACCESS_WORDS = ['read', 'write'] as const;
const NAMED_OPERATION = /^[a-z][a-z0-9_.-]{0,63}$/;

/** True when `entry` is something config.methods may hold: an HTTP method, read, write, or a named operation. */
export function isMethodFilter(entry: unknown): entry is string {
  return typeof entry === 'string' && (HTTP_METHODS.includes(entry as HttpMethod) || NAMED_OPERATION.test(entry));
}

/** Whether one config.methods entry selects a tool: by HTTP method, by access (read/write), or by name or verb. */
export function matchesFilter(tool: Tool, entry: string): boolean {
  if (HTTP_METHODS.includes(entry as HttpMethod)) return tool.method === entry;
  if (entry === 'read' || entry === 'write') return tool.access === entry;
  return tool.name === entry || tool.verb === entry;
}

/** Only safe HTTP methods and `read`: such a server never exposes a write operation, whatever its HTTP method. */
export function isReadOnly(methods: readonly string[]): boolean {
  return methods.every((m) => SAFE_METHODS.has(m as HttpMethod) || m === 'read');
}

/** The tools a server config exposes. A read-only server excludes write operations even if they use GET. */
export function selectTools(integration: Integration, config: ServerConfig): Map<string, Tool> {
  const readOnly = isReadOnly(config.methods);
  const out = new Map<string, Tool>();
  for (const tool of integration.tools.values()) {
    if (!config.methods.some((m) => matchesFilter(tool, m))) continue;
    if (readOnly && tool.access !== 'read') continue;
    if (config.tags.length > 0 && !tool.tags.some((t) => config.tags.includes(t))) continue;
    out.set(tool.name, tool);
  }
  return out;
}

/** Serialized `{"tools":[...]}` for a set of tools, computed once per server. */
/**
 * The tools/list result; with `cache` (2026-07-28) it carries `resultType` and the caching hints, `private` because the
 * list is filtered per server.
 */
export function toolsListJson(tools: ReadonlyMap<string, Tool>, cache?: { ttlMs: number }): string {
  const list = [...tools.values()].map((t) => t.listEntry);
  if (cache === undefined) return JSON.stringify({ tools: list });
  return JSON.stringify({ resultType: 'complete', tools: list, ttlMs: cache.ttlMs, cacheScope: 'private' });
}

export type UpstreamRequest = { path: string; body: string | null } | { error: string };

function encodeQueryValue(v: unknown): string {
  return encodeURIComponent(typeof v === 'string' ? v : String(v));
}

/**
 * Maps validated arguments to a path under the integration's base path and an optional JSON body.
 * Path parameters are percent-encoded and may not be "." or "..", so arguments can only select a resource, never a host or a parent path.
 */
export function buildUpstreamRequest(integration: Integration, tool: Tool, args: Record<string, unknown>): UpstreamRequest {
  const invalid = validateArguments(tool.schema, args);
  if (invalid) return { error: invalid };
  const pieces = tool.pathPieces;
  let path = integration.basePath + pieces[0]!;
  for (let j = 1; j < pieces.length; j += 2) {
    const name = pieces[j]!;
    const raw = String(args[name]);
    if (raw === '' || raw === '.' || raw === '..') return { error: `Invalid arguments: "${name}" is not a valid path segment` };
    path += encodeURIComponent(raw) + pieces[j + 1]!;
  }
  if (tool.argsInQuery) {
    let query = '';
    for (const key in args) {
      if (tool.pathParams.has(key)) continue;
      const v = args[key];
      const k = encodeURIComponent(key);
      if (Array.isArray(v)) {
        for (const item of v) query += (query ? '&' : '') + k + '=' + encodeQueryValue(item);
      } else {
        query += (query ? '&' : '') + k + '=' + encodeQueryValue(v);
      }
    }
    return { path: query ? path + '?' + query : path, body: null };
  }
  if (tool.pathParams.size === 0) return { path, body: JSON.stringify(args) };
  const body: Record<string, unknown> = {};
  for (const key in args) if (!tool.pathParams.has(key)) body[key] = args[key];
  return { path, body: JSON.stringify(body) };
}
