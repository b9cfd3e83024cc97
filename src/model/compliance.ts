/** compliance.yaml: certifications and attestations, their status and how to get the reports; deployment models and what each changes for compliance. */
import { z } from 'zod';
import { httpsUrl, isoDate, label, text } from './primitives.ts';

/** Where a certification stands; not-offered says so plainly, planned may carry the date it is planned for. */
export const certificationStatuses = ['certified', 'in-progress', 'planned', 'not-offered'] as const;

export const deploymentModels = ['managed-cloud', 'vpc', 'on-premises'] as const;

export const complianceSchema = z.strictObject({
  /** Overview of the compliance programme. */
  statement: text,
  /** Certifications; names unique. */
  certifications: z.array(
    z.strictObject({
      /** e.g. "SOC 2 Type II", unique; the changelog's identity key. */
      name: label,
      /** certified, in-progress, planned or not-offered. */
      status: z.enum(certificationStatuses),
      /** With status planned or in-progress: the date it is expected by. */
      expected: isoDate.optional(),
      /** What the certification covers; may be left out with status not-offered. */
      scope: text.optional(),
      /** Date of the latest report or certificate. */
      issued: isoDate.optional(),
      /** How customers get the report. */
      report: z.enum(['public', 'under-nda', 'on-request', 'none']),
      /** Where to read more. */
      url: httpsUrl.optional(),
    }),
  ),
  /** Agreements customers can sign (DPA, BAA, SCCs): each with a link or how to request it; names unique. */
  agreements: z
    .array(
      z.strictObject({
        /** e.g. "Data Processing Agreement (DPA)", unique; the changelog's identity key. */
        name: label,
        /** Where to read or sign it. */
        url: httpsUrl.optional(),
        /** How to request it when there is no link, e.g. "email legal@example.com". */
        request: text.optional(),
      }),
    )
    .min(1)
    .optional(),
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
