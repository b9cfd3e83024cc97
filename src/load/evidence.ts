/**
 * The only code that reads content/evidence/: each *.json file is parsed, schema-checked and located (problems carry
 * file:line:column of the offending value), by src/load/dated-json.ts as measurement files are.
 */
import { dirname, join, resolve } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { evidenceSchema, verifiedOn, type EvidenceFile } from '../model/evidence.ts';
import { datedFileName, loadDatedFiles } from './dated-json.ts';
import type { SourceFile } from './source-file.ts';

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
  const { files, problems } = loadDatedFiles(dir, { schema: evidenceSchema, code: 'evidence-invalid', what: 'evidence', dateOf: verifiedOn });
  return { files: files.map(({ file, data, source }) => ({ file, evidence: data, source })), problems };
}

/** The next free file name for a run on `date` in `dir`: 2026-11-30.json, then 2026-11-30-2.json, … */
export const evidenceFileName = datedFileName;
