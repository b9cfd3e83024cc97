/**
 * `npm run schema`: writes schema/<kind>.schema.json for every policy file kind from the zod
 * schemas, with each field's JSDoc line from src/model as its description (typed once, in the model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { fileKinds, fileSchemas, type FileKind } from '../src/model/policy.ts';
import { httpsUrl } from '../src/model/primitives.ts';
import { CONFIG_FILE, configSchema } from '../src/model/config.ts';
import { ndaAnnexSchema } from '../src/model/nda.ts';

const root = resolve(import.meta.dirname, '..');
export const SCHEMA_DIR = join(root, 'schema');
const MODEL_DIR = join(root, 'src/model');

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; description?: string };

/** The JSON Schema text of every file kind, keyed by file name, exactly as `npm run schema` writes it. */
export function buildSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of fileKinds) out[schemaFileName(kind)] = JSON.stringify(buildSchema(kind), null, 2) + '\n';
  // The NDA annex files policy/nda/<N>.yaml: nda.yaml's keys under an `annex` header.
  out['nda-annex.schema.json'] = JSON.stringify(jsonSchemaOf(ndaAnnexSchema, 'nda', 'ndaAnnexSchema', 'nda/<N>.yaml'), null, 2) + '\n';
  out['config.schema.json'] = JSON.stringify(jsonSchemaOf(configSchema, 'config', 'configSchema', CONFIG_FILE), null, 2) + '\n';
  return out;
}

export function schemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}

function buildSchema(kind: FileKind): JsonSchema {
  return jsonSchemaOf(fileSchemas[kind], kind, `${kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Schema`, `${kind}.yaml`);
}

/** A zod schema of src/model/<file>.ts as an editor's JSON Schema, with the JSDoc of its const `constName` as descriptions. */
function jsonSchemaOf(schema: z.ZodType, file: string, constName: string, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    // zod checks the scheme in code, not in the JSON Schema; the editor should flag http: too.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === (httpsUrl as unknown)) jsonSchema.pattern = '^https://';
    },
  }) as JsonSchema;
  const { module, fields } = docComments(readFileSync(join(MODEL_DIR, `${file}.ts`), 'utf8'), constName);
  addDescriptions(json, [], fields);
  const { $schema, ...rest } = json;
  return { $schema, title, ...(module ? { description: module } : {}), ...rest };
}

function addDescriptions(node: JsonSchema, path: readonly string[], fields: ReadonlyMap<string, string>): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const description = fields.get([...path, key].join('.'));
    if (description && !child.description) child.description = description;
    addDescriptions(child, [...path, key], fields);
  }
  // Lists are transparent in the model's paths: an item's fields sit under the list's key.
  if (node.items) addDescriptions(node.items, path, fields);
  for (const option of node.anyOf ?? []) addDescriptions(option, path, fields);
}

/**
 * The module's `/** *\/` contract line and every object-literal property's JSDoc, keyed by the
 * dotted property path from the schema const `schemaName`. Identifiers naming another schema const in
 * the same file are followed, so nested schemas declared apart keep their docs.
 */
export function docComments(source: string, schemaName: string): { module: string | undefined; fields: Map<string, string> } {
  const file = ts.createSourceFile('model.ts', source, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.initializer) consts.set(decl.name.text, decl.initializer);
    }
  }
  const fields = new Map<string, string>();
  const visit = (node: ts.Node, path: readonly string[], depth: number): void => {
    if (depth > 20) return;
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const next = [...path, node.name.text];
      const doc = jsDocOf(node, source);
      if (doc) fields.set(next.join('.'), doc);
      visit(node.initializer, next, depth + 1);
      return;
    }
    if (ts.isIdentifier(node) && consts.has(node.text) && node.text.endsWith('Schema')) {
      visit(consts.get(node.text)!, path, depth + 1);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, path, depth + 1));
  };
  const exported = consts.get(schemaName);
  if (!exported) throw new Error(`no const ${schemaName} in the model file`);
  visit(exported, [], 0);
  const first = /^\/\*\*\s*([\s\S]*?)\s*\*\//.exec(source.trimStart());
  return { module: first ? clean(first[1]!) : undefined, fields };
}

function jsDocOf(node: ts.Node, source: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => source.startsWith('/**', r.pos)).at(-1);
  return last ? clean(source.slice(last.pos + 3, last.end - 2)) : undefined;
}

function clean(comment: string): string {
  return comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

if (import.meta.main) {
  const schemas = buildSchemas();
  for (const [name, text] of Object.entries(schemas)) writeFileSync(join(SCHEMA_DIR, name), text);
  process.stdout.write(`wrote ${Object.keys(schemas).length} schemas to schema/\n`);
}
