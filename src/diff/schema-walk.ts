/** Reads the shape of the zod policy schemas: objects, lists and leaves, in declaration order. Pure. */
import type { z } from 'zod';

export type Shape =
  | { readonly type: 'object'; readonly fields: readonly (readonly [string, Shape])[] }
  | { readonly type: 'array'; readonly element: Shape }
  | { readonly type: 'leaf'; readonly schema: z.ZodType; readonly optional: boolean };

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** The shape of a schema; optional wrappers are unwrapped (optional leaves are marked). */
export function shapeOf(schema: z.ZodType, optional = false): Shape {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return shapeOf(def.innerType, true);
  if (def.type === 'object' && def.shape) return { type: 'object', fields: Object.entries(def.shape).map(([key, value]) => [key, shapeOf(value)] as const) };
  if (def.type === 'array' && def.element) return { type: 'array', element: shapeOf(def.element) };
  return { type: 'leaf', schema, optional };
}

/** The zod type name of a leaf ("number", "string", "enum", "boolean", "literal"). */
export function leafType(schema: z.ZodType): string {
  return defOf(schema).type;
}

/** Every path the direction table must cover: leaves and lists; items of a list add `[]`. */
export function schemaPaths(prefix: string, shape: Shape): { path: string; shape: Shape }[] {
  switch (shape.type) {
    case 'object':
      return shape.fields.flatMap(([key, child]) => schemaPaths(`${prefix}.${key}`, child));
    case 'array':
      return [{ path: prefix, shape }, ...(shape.element.type === 'object' ? schemaPaths(`${prefix}[]`, shape.element) : [])];
    case 'leaf':
      return [{ path: prefix, shape }];
  }
}
