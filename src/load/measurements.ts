/**
 * The only code that reads content/measurements/: each *.json file is parsed, schema-checked and located
 * (problems carry file:line:column of the offending value), and each version is matched with the measurement
 * its page shows. The folder is `SLA_MEASUREMENTS_DIR`, else `content/measurements` beside the policy folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import type { Problem } from '../errors/catalog.ts';
import { applicableMeasurement, measuredOn, measurementSchema, type MeasurementFile } from '../model/measurement.ts';
import { SourceFile } from './source-file.ts';

/** Measurement files are a few KB; anything far larger is not one. */
const MAX_MEASUREMENT_BYTES = 256 * 1024;
const FILE_NAME = /^\d{4}-\d{2}-\d{2}(-\d+)?\.json$/;

/** A valid measurement with its parsed file, for locating later findings. */
export interface LoadedMeasurement extends MeasurementFile {
  readonly source: SourceFile;
}

export interface MeasurementsLoad {
  /** Valid measurement files, ordered by name. */
  readonly files: LoadedMeasurement[];
  readonly problems: Problem[];
}

/** Where measurements live for a policy folder: `SLA_MEASUREMENTS_DIR`, else `<policy folder>/../content/measurements`. */
export function resolveMeasurementsDir(policyDir: string): string {
  return resolve(process.env.SLA_MEASUREMENTS_DIR ?? join(dirname(resolve(policyDir)), 'content', 'measurements'));
}

/** The gateway package's version beside the policy folder (`packages/gateway/package.json`), or null when there is none (fixtures). */
export function currentGatewayVersion(policyDir: string): string | null {
  const path = join(dirname(resolve(policyDir)), 'packages', 'gateway', 'package.json');
  if (!existsSync(path)) return null;
  const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
  return typeof version === 'string' ? version : null;
}

/** Reads every measurement file in `dir`; a missing folder means no measurements, not an error. */
export function loadMeasurements(dir: string): MeasurementsLoad {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { files: [], problems: [] };
  const files: LoadedMeasurement[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const result = readMeasurement(join(dir, name), name);
    if ('file' in result) files.push(result.file);
    else problems.push(...result.problems);
  }
  return { files, problems };
}

/** For each version (oldest first, as `validatePolicy` returns them), the measurement its page shows, if any. */
export function measurementsByVersion<T extends MeasurementFile>(versions: readonly { version: string; policy: { meta: { updated: string } } }[], files: readonly T[]): Map<string, T> {
  const byVersion = new Map<string, T>();
  versions.forEach((v, i) => {
    const found = applicableMeasurement(files, versions[i + 1]?.policy.meta.updated);
    if (found) byVersion.set(v.version, found);
  });
  return byVersion;
}

function readMeasurement(path: string, name: string): { file: LoadedMeasurement } | { problems: Problem[] } {
  const shown = relative(process.cwd(), path) || name;
  const stub = new SourceFile(shown, '');
  const invalid = (detail: string) => ({ problems: [stub.problemAtLine(1, 1, 'measurement-invalid', { detail })] });
  if (!FILE_NAME.test(name)) return invalid(`the file name ${name} is not a date like 2026-11-23.json (or 2026-11-23-2.json for a second run that day)`);
  if (statSync(path).size > MAX_MEASUREMENT_BYTES) return invalid('the file is too large to be a measurement');
  const text = readFileSync(path, 'utf8');
  const source = new SourceFile(shown, text);
  // JSON is YAML 1.2 flow syntax: the YAML tree gives each value's position for locating problems.
  source.doc = parseDocument(text, { lineCounter: source.lines, uniqueKeys: false });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the file's bytes; keep only its first clause and locate the spot ourselves.
    const detail = `not valid JSON (${String((error as Error).message).split(/,|\n| in JSON/)[0]})`;
    return { problems: [source.problemAt(jsonErrorOffset(source), 'measurement-invalid', { detail })] };
  }
  const parsed = measurementSchema.safeParse(value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const at = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return source.problemAtPath(at, 'measurement-invalid', { detail: `${at.length > 0 ? at.join('.') + ': ' : ''}${issue.message}` });
      }),
    };
  }
  const date = measuredOn(parsed.data);
  if (!name.startsWith(date)) return { problems: [source.problemAtPath(['taken_at'], 'measurement-invalid', { detail: `taken on ${date} but the file is named ${name}` })] };
  return { file: { file: shown, measurement: parsed.data, source } };
}

/** Where a file that JSON.parse refused goes wrong: the first YAML syntax error, else the first unquoted word (JSON quotes every string). */
function jsonErrorOffset(source: SourceFile): number {
  const syntax = source.doc?.errors[0];
  if (syntax) return syntax.pos[0];
  let offset = 0;
  if (source.doc) {
    visit(source.doc, {
      Scalar(_key, node) {
        if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.range) {
          offset = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return offset;
}
