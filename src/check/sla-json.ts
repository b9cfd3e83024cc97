/** Every sla.json of a built site validates against the site's own /sla.schema.json, with an independent validator (Ajv, JSON Schema 2020-12). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Finding } from './links.ts';

export function checkSlaJson(dir: string, files: readonly string[]): Finding[] {
  const require = createRequire(import.meta.url);
  // CommonJS packages: required, so the check loads them only when it runs.
  const Ajv2020 = (require('ajv/dist/2020') as { default: new (options: object) => AjvInstance }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schemaFile = files.find((f) => f === 'sla.schema.json');
  if (!schemaFile) return [{ file: 'sla.schema.json', line: 0, column: 0, detail: 'the site has no sla.schema.json' }];
  const validate = ajv.compile(JSON.parse(readFileSync(join(dir, schemaFile), 'utf8')) as object);
  return files
    .filter((f) => f === 'sla.json' || f.endsWith('/sla.json'))
    .flatMap((file) => {
      if (validate(JSON.parse(readFileSync(join(dir, file), 'utf8')))) return [];
      return (validate.errors ?? []).slice(0, 10).map((e) => ({ file, line: 0, column: 0, detail: `sla.json${e.instancePath.replace(/\//g, '.')}: ${e.message ?? 'invalid'} (schema ${e.schemaPath})` }));
    });
}

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; schemaPath: string; message?: string }[] | null };
}
