/**
 * NDA annexes, given only under NDA and never part of the public Policy model: the keys of nda.yaml, and the standalone
 * annex file policy/nda/<N>.yaml (the same keys under an `annex` header naming the public versions it applies to), with
 * the pure rules of which annex an NDA edition of a version carries.
 */
import { z } from 'zod';
import { compareVersions } from './version.ts';
import { isoDate, label, text, versionString } from './primitives.ts';

const soc2Schema = z.strictObject({
  /** Audit firm. */
  auditor: label,
  /** First day of the observation period. */
  period_start: isoDate,
  /** Last day of the observation period. */
  period_end: isoDate,
  /** The auditor's opinion. */
  opinion: z.enum(['unqualified', 'qualified', 'adverse', 'disclaimer']),
  /** Trust services criteria in scope. */
  criteria: z.array(z.enum(['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy'])).min(1),
  /** Exceptions noted, with management's response. */
  exceptions: z.array(
    z.strictObject({
      /** The control the exception was noted against, e.g. "CC6.1". */
      control: label,
      /** What the auditor found. */
      finding: text,
      /** Management's response and remediation. */
      response: text,
    }),
  ),
  /** A few sentences for the annex. */
  summary: text,
});

const pentestSchema = z.strictObject({
  /** Testing firm. */
  tester: label,
  /** Date the report was issued. */
  date: isoDate,
  /** What was tested. */
  scope: text,
  /** Findings by severity. */
  findings: z.strictObject({
    /** Critical findings. */
    critical: z.int().min(0),
    /** High findings. */
    high: z.int().min(0),
    /** Medium findings. */
    medium: z.int().min(0),
    /** Low findings. */
    low: z.int().min(0),
  }),
  /** Remediation status. */
  remediation: text,
});

export const ndaSchema = z.strictObject({
  /** SOC 2 Type II report summary. */
  soc2: soc2Schema,
  /** Latest penetration test summary. */
  pentest: pentestSchema,
});

export type Nda = z.infer<typeof ndaSchema>;

/** policy/nda/<N>.yaml: an annex versioned and released on its own, for a range of public versions. */
export const ndaAnnexSchema = z.strictObject({
  /** Which public versions this annex belongs to, and when it was last updated. */
  annex: z.strictObject({
    /** The public versions the annex applies to. */
    versions: z.strictObject({
      /** First public version, e.g. "3.1". */
      from: versionString,
      /** Last public version; absent: every later version too, until a newer annex covers it. */
      through: versionString.optional(),
    }),
    /** The day the annex's content was last updated. */
    updated: isoDate,
  }),
  /** SOC 2 Type II report summary, as in nda.yaml. */
  soc2: soc2Schema,
  /** Latest penetration test summary, as in nda.yaml. */
  pentest: pentestSchema,
});

export type NdaAnnexFile = z.infer<typeof ndaAnnexSchema>;

/** The folder of standalone annexes inside the policy folder, and their file names: policy/nda/1.yaml, 2.yaml, … */
export const ANNEX_DIR = 'nda';
export const ANNEX_FILE = /^([1-9]\d*)\.yaml$/;

/** An NDA annex, wherever it was written. */
export interface AnnexRef {
  /** "2" for policy/nda/2.yaml; the public version ("3.2") for policy/3.2/nda.yaml. */
  readonly id: string;
  /** `annex-file`: policy/nda/<id>.yaml; `version-file`: policy/<id>/nda.yaml, the annex of that one version. */
  readonly source: 'annex-file' | 'version-file';
  readonly from: string;
  /** Undefined: open-ended. */
  readonly through: string | undefined;
}

/** How the edition names the annex: "NDA annex 2", or "NDA annex of v3.2" for a version's own nda.yaml. */
export function annexLabel(annex: AnnexRef): string {
  return annex.source === 'annex-file' ? `NDA annex ${annex.id}` : `NDA annex of v${annex.id}`;
}

/** The annex's path inside the policy folder. */
export function annexPath(annex: AnnexRef): string {
  return annex.source === 'annex-file' ? `${ANNEX_DIR}/${annex.id}.yaml` : `${annex.id}/nda.yaml`;
}

/** The versions an annex applies to, in words: "v3.1 through v3.2", "v3.1 and later", "v3.2". */
export function annexRange(annex: AnnexRef): string {
  if (annex.through === undefined) return `v${annex.from} and later`;
  return annex.from === annex.through ? `v${annex.from}` : `v${annex.from} through v${annex.through}`;
}

export function covers(annex: AnnexRef, version: string): boolean {
  return compareVersions(annex.from, version) <= 0 && (annex.through === undefined || compareVersions(version, annex.through) <= 0);
}

/**
 * The annex the NDA edition of `version` carries: the newest annex file covering it (a vendor updates the annex without
 * cutting a public version), else the version's own nda.yaml. Undefined when none applies.
 */
export function annexFor<A extends AnnexRef>(version: string, annexes: readonly A[]): A | undefined {
  const files = annexes.filter((a) => a.source === 'annex-file' && covers(a, version)).sort((a, b) => Number(a.id) - Number(b.id));
  return files.at(-1) ?? annexes.find((a) => a.source === 'version-file' && a.id === version);
}
