/** nda.yaml: annexes given only under NDA. Never part of the public Policy model. */
import { z } from 'zod';
import { isoDate, label, text } from './primitives.ts';

export const ndaSchema = z.strictObject({
  /** SOC 2 Type II report summary. */
  soc2: z.strictObject({
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
  }),
  /** Latest penetration test summary. */
  pentest: z.strictObject({
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
  }),
});

export type Nda = z.infer<typeof ndaSchema>;
