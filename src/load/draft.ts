/** Starts a draft version: copies the latest version's files and rewrites version and dates in meta.yaml, keeping comments and layout. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { fileNameOf } from '../model/policy.ts';
import type { LoadedVersion } from './load-version.ts';
import { addDays } from '../model/dates.ts';

export interface DraftDates {
  /** The draft's `updated`: the day it is started. */
  readonly updated: string;
  /** The draft's `effective`: `updated` plus the base version's material-change notice, so a weakened commitment is allowed. */
  readonly effective: string;
}

/** The dates a draft starts with, from "today" and the base version's notice period. */
export function draftDates(base: LoadedVersion, today: string): DraftDates {
  const notice = base.policy.changes.material_change_notice_days;
  return { updated: today, effective: addDays(today, notice) };
}

/** Copies `base` to `policyDir/version` and sets version and dates in its meta.yaml. Refuses to overwrite. */
export function startDraft(policyDir: string, base: LoadedVersion, version: string, dates: DraftDates): string {
  const target = join(policyDir, version);
  if (existsSync(target)) throw new Error(`${target} already exists`);
  cpSync(base.dir, target, { recursive: true });
  const metaPath = join(target, fileNameOf('meta'));
  writeFileSync(metaPath, setScalars(readFileSync(metaPath, 'utf8'), { version, updated: dates.updated, effective: dates.effective }));
  return target;
}

/**
 * Replaces top-level scalar values in YAML text by splicing their source ranges, so comments,
 * folding and key order stay exactly as the PM wrote them. Values are written double-quoted.
 */
export function setScalars(text: string, values: Readonly<Record<string, string>>): string {
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  const edits = Object.entries(values).map(([key, value]) => {
    const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) throw new Error(`meta.yaml has no \`${key}\` to update`);
    return { start: node.range[0], end: node.range[1], value: JSON.stringify(value) };
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}
