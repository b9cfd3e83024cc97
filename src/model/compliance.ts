/** compliance.yaml: certifications and attestations, their status and how to get the reports; deployment models and what each changes for compliance. */
import { z } from 'zod';
import { httpsUrl, isoDate, label, text } from './primitives.ts';

export const certificationStatuses = ['certified', 'in-progress', 'planned'] as const;

export const deploymentModels = ['managed-cloud', 'vpc', 'on-premises'] as const;

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
  /** How the platform can be deployed, and what each model changes for compliance; ids unique. */
  deployment_models: z
    .array(
      z.strictObject({
        /** managed-cloud, vpc (in the customer's cloud account) or on-premises; the changelog's identity key. */
        id: z.enum(deploymentModels),
        /** What changes for compliance in this model (who operates it, which reports cover it, where data lives). */
        compliance: text,
      }),
    )
    .min(1)
    .optional(),
});

export type Compliance = z.infer<typeof complianceSchema>;
