/** Validates tool arguments against the small JSON Schema subset integration descriptions may use; messages name schema properties only, never caller values. */

import { GatewayError } from '../base/errors.ts';

export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface ParamSchema {
  type: ParamType;
  description?: string;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: ParamSchema;
  maxItems?: number;
  default?: unknown;
}

export interface ObjectSchema {
  type: 'object';
  properties: Record<string, ParamSchema>;
  required: string[];
  additionalProperties: false;
}

const TYPES = new Set<ParamType>(['string', 'integer', 'number', 'boolean', 'array', 'object']);
const KEYS = new Set(['type', 'description', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'items', 'maxItems', 'default', 'format', 'title']);

function fail(where: string, what: string): never {
  throw new GatewayError(400, 'integration_invalid', `${where}: ${what}`);
}

function checkParam(schema: unknown, where: string): ParamSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail(where, 'must be an object');
  const s = schema as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!KEYS.has(k)) fail(where, `unsupported schema keyword "${k}"`);
  if (!TYPES.has(s.type as ParamType)) fail(where, 'type must be one of ' + [...TYPES].join(', '));
  if (s.enum !== undefined && !(Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string' || typeof v === 'number'))) {
    fail(where, 'enum must be an array of strings or numbers');
  }
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'maxItems'] as const) {
    if (s[k] !== undefined && typeof s[k] !== 'number') fail(where, `${k} must be a number`);
  }
  if (s.type === 'array') {
    if (s.items === undefined) fail(where, 'array parameters need items');
    checkParam(s.items, where + '.items');
  }
  return s as unknown as ParamSchema;
}

/** Checks a description's `parameters` block and returns it normalized (unknown arguments are always refused). */
export function checkObjectSchema(schema: unknown, where: string): ObjectSchema {
  if (schema === undefined) return { type: 'object', properties: {}, required: [], additionalProperties: false };
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail(where, 'must be an object');
  const s = schema as Record<string, unknown>;
  if (s.type !== 'object') fail(where, 'type must be "object"');
  const props = s.properties ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props)) fail(where, 'properties must be an object');
  const properties: Record<string, ParamSchema> = {};
  for (const [name, p] of Object.entries(props)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) fail(where, `parameter name "${name}" is not allowed`);
    properties[name] = checkParam(p, `${where}.properties.${name}`);
  }
  const required = s.required ?? [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string' && r in properties)) {
    fail(where, 'required must list declared properties');
  }
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) fail(where, 'additionalProperties may only be false');
  return { type: 'object', properties, required: required as string[], additionalProperties: false };
}

function typeError(name: string, schema: ParamSchema, value: unknown): string | null {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return `"${name}" must be a string`;
      if (schema.minLength !== undefined && value.length < schema.minLength) return `"${name}" is shorter than ${schema.minLength}`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return `"${name}" is longer than ${schema.maxLength}`;
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `"${name}" must be ${schema.type === 'integer' ? 'an integer' : 'a number'}`;
      if (schema.type === 'integer' && !Number.isInteger(value)) return `"${name}" must be an integer`;
      if (schema.minimum !== undefined && value < schema.minimum) return `"${name}" must be >= ${schema.minimum}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `"${name}" must be <= ${schema.maximum}`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `"${name}" must be a boolean`;
      break;
    case 'array': {
      if (!Array.isArray(value)) return `"${name}" must be an array`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return `"${name}" has more than ${schema.maxItems} items`;
      const items = schema.items!;
      for (const v of value) {
        const e = typeError(name + '[]', items, v);
        if (e) return e;
      }
      break;
    }
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `"${name}" must be an object`;
      break;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string | number)) return `"${name}" must be one of the listed values`;
  return null;
}

/** Returns null when valid, otherwise a message that names only declared parameters. */
export function validateArguments(schema: ObjectSchema, args: Record<string, unknown>): string | null {
  for (const key in args) {
    if (!Object.hasOwn(schema.properties, key)) return 'Invalid arguments: unexpected property';
  }
  for (const name of schema.required) {
    if (args[name] === undefined) return `Invalid arguments: "${name}" is required`;
  }
  for (const key in args) {
    const e = typeError(key, schema.properties[key]!, args[key]);
    if (e) return 'Invalid arguments: ' + e;
  }
  return null;
}
