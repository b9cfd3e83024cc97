/**
 * The only code that reads content/evidence/: each *.json file is parsed, schema-checked and located (problems carry
 * file:line:column of the offending value), as measurement files are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import type { Problem } from '../errors/catalog.ts';
import { evidenceSchema, verifiedOn, type EvidenceFile } from '../model/evidence.ts';
import { SourceFile } from './source-file.ts';

/** Evidence files are a few KB; anything far larger is not one. */
const MAX_EVIDENCE_BYTES = 256 * 1024;
const FILE_NAME = /^\d{4}-\d{2}-\d{2}(-\d+)?\.json$/;

/** A valid evidence file with its parsed source, for locating later findings. */
export interface LoadedEvidence extends EvidenceFile {
  readonly source: SourceFile;
}

export interface EvidenceLoad {
  /** Valid evidence files, ordered by name. */
  readonly files: LoadedEvidence[];
  readonly problems: Problem[];
}

/** Where evidence lives for a policy folder: `<policy folder>/../content/evidence`. */
export function resolveEvidenceDir(policyDir: string): string {
  return join(dirname(resolve(policyDir)), 'content', 'evidence');
}

/** Reads every evidence file in `dir`; a missing folder means no evidence, not an error. */
export function loadEvidence(dir: string): EvidenceLoad {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { files: [], problems: [] };
  const files: LoadedEvidence[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const result = readEvidence(join(dir, name), name);
    if ('file' in result) files.push(result.file);
    else problems.push(...result.problems);
  }
  return { files, problems };
}

/** The next free file name for a run on `date` in `dir`: 2026-11-30.json, then 2026-11-30-2.json, … */
export function evidenceFileName(dir: string, date: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${date}.json` : `${date}-${n}.json`;
    if (!existsSync(join(dir, name))) return name;
  }
}

function readEvidence(path: string, name: string): { file: LoadedEvidence } | { problems: Problem[] } {
  const shown = relative(process.cwd(), path) || name;
  const stub = new SourceFile(shown, '');
  const invalid = (detail: string) => ({ problems: [stub.problemAtLine(1, 1, 'evidence-invalid', { detail })] });
  if (!FILE_NAME.test(name)) return invalid(`the file name ${name} is not a date like 2026-11-30.json (or 2026-11-30-2.json for a second run that day)`);
  if (statSync(path).size > MAX_EVIDENCE_BYTES) return invalid('the file is too large to be evidence');
  const text = readFileSync(path, 'utf8');
  const source = new SourceFile(shown, text);
  // JSON is YAML 1.2 flow syntax: the YAML tree gives each value's position for locating problems.
  source.doc = parseDocument(text, { lineCounter: source.lines, uniqueKeys: false });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the file's bytes; keep only its first clause and locate the spot with the YAML parser.
    const detail = `not valid JSON (${String((error as Error).message).split(/,|\n| in JSON/)[0]})`;
    return { problems: [source.problemAt(jsonErrorOffset(source), 'evidence-invalid', { detail })] };
  }
  const parsed = evidenceSchema.safeParse(value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const at = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return source.problemAtPath(at, 'evidence-invalid', { detail: `${at.length > 0 ? at.join('.') + ': ' : ''}${issue.message}` });
      }),
    };
  }
  const date = verifiedOn(parsed.data);
  if (!name.startsWith(date)) return { problems: [source.problemAtPath(['taken_at'], 'evidence-invalid', { detail: `taken on ${date} but the file is named ${name}` })] };
  return { file: { file: shown, evidence: parsed.data, source } };
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
