/** sla.json: the validated public model of one version (never NDA content), and its JSON Schema. */
import { z } from 'zod';
import { measurementSchema } from '../model/measurement.ts';
import { publicSchemas, type Policy } from '../model/policy.ts';
import { absolute } from './address.ts';
import type { PublishedMeasurement } from '../document/measured-latency.ts';
import { publishedClaims, publishedClaimsSchema } from '../claims/evidence-view.ts';
import type { EvidenceFile } from '../model/evidence.ts';
import { sections } from '../model/sections.ts';
import { uptimeHistoryItemSchema } from '../model/uptime-history.ts';
import { uptimeHistoryJson, type PublishedUptime } from '../document/uptime-history.ts';

export const SCHEMA_PATH = '/sla.schema.json';

/** The PDF edition of the same version: where it is and the SHA-256 of its bytes. */
const pdfSchema = z.strictObject({
  /** Absolute URL of the version's PDF. */
  url: z.string(),
  /** Lowercase hex SHA-256 of the PDF's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PdfEdition = z.infer<typeof pdfSchema>;

/** The committed gateway measurement the version's #latency shows: its file name, then the file's contents. */
const measurementDocumentSchema = z.strictObject({
  /** The file under content/measurements/ it comes from, e.g. "2026-11-23.json". */
  file: z.string(),
  ...measurementSchema.shape,
});

/** Where the version stands on the build date, and the released versions announced as upcoming. */
const statusSchema = {
  /** in-force, superseded, upcoming (released, takes effect later) or draft (not released; only in preview builds). */
  status: z.enum(['in-force', 'superseded', 'upcoming', 'draft']).optional(),
  /** "Draft: not in force" on a draft. */
  notice: z.string().optional(),
  /** Released versions that take effect after the build date. */
  upcoming: z.array(z.strictObject({ version: z.string(), effective: z.string(), url: z.string() })).optional(),
};
export type PublishedStatus = { status?: string; notice?: string; upcoming?: readonly { version: string; effective: string; url: string }[] };

/** The document: a `$schema` pointer, the version, its status, the PDF edition when built, the policy files in page order, then the measurement when there is one. */
export function publicModel(policy: Policy, pdf?: PdfEdition, measured?: PublishedMeasurement, status: PublishedStatus = {}, evidence?: EvidenceFile, uptime?: PublishedUptime): Record<string, unknown> {
  const measurement = measured ? { file: measured.file, ...measured.measurement } : undefined;
  // Measured availability joins the commitment it is measured against: uptime.history[] (absent without data).
  const history = uptime ? uptimeHistoryJson(uptime) : [];
  // Each claim with what backs it: verified (with the evidence file), an organisational commitment, or not verified.
  const claims = publishedClaims(policy, sections.map((s) => s.kind), evidence);
  return { $schema: absolute(policy.meta.url, SCHEMA_PATH), version: policy.meta.version, ...status, ...(pdf ? { pdf } : {}), ...policy, ...(history.length > 0 ? { uptime: { ...policy.uptime, history } } : {}), ...(measurement ? { measurement } : {}), claims };
}

/** JSON Schema (2020-12) of sla.json, derived from the same zod schemas that validate the YAML. */
export function publicModelSchema(): Record<string, unknown> {
  /** uptime.yaml's keys, and the measured windows (content/uptime/) when there are any. */
  const uptime = publicSchemas.uptime.extend({ history: z.array(uptimeHistoryItemSchema).optional() });
  const document = z.strictObject({ $schema: z.string(), version: z.string(), ...statusSchema, pdf: pdfSchema.optional(), ...publicSchemas, uptime, measurement: measurementDocumentSchema.optional(), claims: publishedClaimsSchema.optional() });
  return { ...z.toJSONSchema(document, { io: 'output', unrepresentable: 'any' }), title: 'SLA & security policy (public model)' };
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
