/** Integrations described by an OpenAPI 3 document, read and dereferenced by @apidevtools/swagger-parser: only operations with a description become tools; access comes from `x-access` or the HTTP method, tags from `tags` plus `x-tags`; parameters map onto the gateway's JSON Schema subset, and operations it cannot express are left out with the reason. */

import SwaggerParser from '@apidevtools/swagger-parser';
import { GatewayError } from '../base/errors.ts';
import { compileIntegration, HTTP_METHODS, type Integration, type IntegrationDescription, type OperationDescription } from './integration.ts';
import type { HttpMethod } from '../store/store.ts';

type Obj = Record<string, any>;

const SCHEMA_KEYS = ['type', 'description', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'default', 'format', 'title'] as const;
const SAFE = new Set<HttpMethod>(['GET', 'HEAD']);
const QUERY_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'DELETE']);

export interface OpenApiIntegration {
  integration: Integration;
  /** Operations left out, with why (no description, or a shape the gateway cannot express). */
  skipped: Array<{ operation: string; reason: string }>;
}

class Unsupported extends Error {}

/** A parameter schema in the gateway's subset, or Unsupported. */
function mapSchema(s: Obj | undefined, where: string): Obj {
  if (!s || typeof s !== 'object') throw new Unsupported(`${where} has no schema`);
  if (typeof s.type !== 'string') throw new Unsupported(`${where} has no single type`);
  if (s.type === 'null') throw new Unsupported(`${where} is of type null`);
  const out: Obj = {};
  for (const k of SCHEMA_KEYS) if (s[k] !== undefined) out[k] = s[k];
  if (s.type === 'array') out.items = mapSchema(s.items, where + '.items');
  // Object parameters are accepted as a whole; their inner shape is the upstream's to check.
  return out;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'openapi';
}

function toolName(op: Obj, method: string, path: string): string {
  const raw = typeof op.operationId === 'string' ? op.operationId : `${method}_${path}`;
  // camelCase operationIds become snake_case, so the first word is the operation's verb (listContacts -> list_contacts).
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 64);
}

function authOf(api: Obj): IntegrationDescription['auth'] {
  const schemes: Obj = api.components?.securitySchemes ?? {};
  const first = (api.security ?? [])[0];
  const name = first ? Object.keys(first)[0] : undefined;
  const scheme = name ? schemes[name] : undefined;
  if (!scheme) return { type: 'none' };
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') return { type: 'bearer' };
  if (scheme.type === 'apiKey' && scheme.in === 'header') return { type: 'header', name: scheme.name };
  throw new GatewayError(400, 'integration_invalid', `openapi: security scheme "${name}" is not supported (use http bearer or an apiKey header)`);
}

function operation(op: Obj, method: HttpMethod, path: string, shared: Obj[]): OperationDescription {
  const params = new Map<string, Obj>();
  for (const p of [...shared, ...(op.parameters ?? [])]) params.set(`${p.in}:${p.name}`, p);
  const properties: Obj = {};
  const required: string[] = [];
  for (const p of params.values()) {
    if (p.in === 'header' || p.in === 'cookie') {
      if (p.required) throw new Unsupported(`it needs the ${p.in} parameter "${p.name}"`);
      continue;
    }
    if (p.in === 'query' && !QUERY_METHODS.has(method)) throw new Unsupported(`query parameters on ${method} are not supported`);
    const schema = mapSchema(p.schema, `parameter "${p.name}"`);
    if (p.description && !schema.description) schema.description = p.description;
    properties[p.name] = schema;
    if (p.required || p.in === 'path') required.push(p.name);
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (op.requestBody && !body) throw new Unsupported('its request body is not application/json');
  if (body) {
    if (QUERY_METHODS.has(method)) throw new Unsupported(`a request body on ${method} is not supported`);
    if (body.type !== 'object') throw new Unsupported('its request body is not an object');
    for (const [name, s] of Object.entries<Obj>(body.properties ?? {})) {
      if (properties[name]) throw new Unsupported(`body property "${name}" clashes with a parameter`);
      properties[name] = mapSchema(s, `body property "${name}"`);
    }
    for (const r of body.required ?? []) if (op.requestBody.required !== false) required.push(r);
  }
  const access = op['x-access'] ?? op['x-slapage-access'] ?? (SAFE.has(method) ? 'read' : 'write');
  if (access !== 'read' && access !== 'write') throw new Unsupported('x-access must be read or write');
  const tags = [...(Array.isArray(op.tags) ? op.tags : []), ...(Array.isArray(op['x-tags']) ? op['x-tags'] : [])].filter((t): t is string => typeof t === 'string');
  return {
    name: toolName(op, method.toLowerCase(), path),
    ...(typeof op.summary === 'string' ? { title: op.summary } : {}),
    method,
    path,
    description: op.description,
    tags: [...new Set(tags)],
    access,
    parameters: { type: 'object', properties, required: [...new Set(required)] },
  };
}

/** Reads an OpenAPI 3 document (a file path, URL or parsed object), validates it, and compiles its described operations into an integration. */
export async function loadOpenApi(
  source: string | object,
  options: { baseUrl?: string; name?: string; baseUrlFor?: (name: string) => string | undefined } = {},
): Promise<OpenApiIntegration> {
  let api: Obj;
  try {
    api = (await SwaggerParser.validate((typeof source === 'string' ? source : structuredClone(source)) as never)) as Obj;
  } catch (err) {
    throw new GatewayError(400, 'integration_invalid', `openapi: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof api.openapi !== 'string' || !api.openapi.startsWith('3.')) throw new GatewayError(400, 'integration_invalid', 'openapi: only OpenAPI 3 documents are supported');
  const skipped: OpenApiIntegration['skipped'] = [];
  const operations: OperationDescription[] = [];
  for (const [path, item] of Object.entries<Obj>(api.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method.toLowerCase()];
      if (!op) continue;
      const label = `${method} ${path}`;
      if (typeof op.description !== 'string' || op.description.trim() === '') {
        skipped.push({ operation: label, reason: 'no description' });
        continue;
      }
      try {
        operations.push(operation(op, method, path, item.parameters ?? []));
      } catch (err) {
        if (!(err instanceof Unsupported)) throw err;
        skipped.push({ operation: label, reason: err.message });
      }
    }
  }
  const name = options.name ?? (typeof api['x-slapage-integration'] === 'string' ? api['x-slapage-integration'] : slug(String(api.info?.title ?? '')));
  const baseUrl = options.baseUrl ?? options.baseUrlFor?.(name);
  const description: IntegrationDescription = {
    name,
    ...(typeof api.info?.description === 'string' ? { description: api.info.description } : {}),
    base_url: baseUrl ?? api.servers?.[0]?.url,
    auth: authOf(api)!,
    operations,
  };
  return { integration: compileIntegration(description, baseUrl === undefined ? {} : { baseUrl }), skipped };
}
