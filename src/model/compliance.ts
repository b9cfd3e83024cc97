/** compliance.yaml: certifications and attestations, their status and how to get the reports. */
import { z } from 'zod';
import { httpsUrl, isoDate, label, text } from './primitives.ts';

export const certificationStatuses = ['certified', 'in-progress', 'planned'] as const;

export const complianceSchema = z.strictObject({
  /** Overview of the compliance programme. */
  statement: text,
  /** Certifications; names unique. */
  certifications: z.array(
    z.strictObject({
      /** e.g. "SOC 2 Type II", unique; the changelog's identity key. */
      name: label,
      /** certified, in-progress or planned. */
      status: z.enum(certificationStatuses),
      /** What the certification covers. */
      scope: text,
      /** Date of the latest report or certificate. */
      issued: isoDate.optional(),
      /** How customers get the report. */
      report: z.enum(['public', 'under-nda', 'on-request', 'none']),
      /** Where to read more. */
      url: httpsUrl.optional(),
    }),
  ),
});

export type Compliance = z.infer<typeof complianceSchema>;
