/** Turns a verify run into an evidence file (format 1) and writes it into the project's content/evidence/, named after its date. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { evidenceFileName } from '../load/evidence.ts';
import { evidenceSchema, type Evidence } from '../model/evidence.ts';
import type { GatewayAbout } from './reference.ts';
import type { CheckResult } from './run.ts';

export function toEvidence(results: readonly CheckResult[], o: { version: string; target: 'reference' | 'remote'; about: GatewayAbout; takenAt: Date; protocolVersion?: string }): Evidence {
  return evidenceSchema.parse({
    format: 1,
    taken_at: o.takenAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    policy_version: o.version,
    gateway: { target: o.target, name: o.about.name, version: o.about.version, commit: o.about.commit, dirty: o.about.dirty, ...(o.protocolVersion ? { mcp_protocol_version: o.protocolVersion } : {}) },
    checks: results.map((r) => ({ id: r.id, status: r.status, claim: r.claim, location: `${r.file}:${r.line}`, did: r.did, observed: r.observed })),
  });
}

/** Writes the file and returns its path relative to the working directory. */
export function writeEvidence(dir: string, evidence: Evidence): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, evidenceFileName(dir, evidence.taken_at.slice(0, 10)));
  writeFileSync(path, JSON.stringify(evidence, null, 2) + '\n');
  return relative(process.cwd(), path) || path;
}
