/** The policy model: one schema per file kind, composed into a Policy. Pure: no fs, no YAML. */
import type { z } from 'zod';
import { authSchema } from './auth.ts';
import { changesSchema } from './changes.ts';
import { complianceSchema } from './compliance.ts';
import { creditsSchema } from './credits.ts';
import { incidentsSchema } from './incidents.ts';
import { latencySchema } from './latency.ts';
import { metaSchema } from './meta.ts';
import { ndaSchema } from './nda.ts';
import { rateLimitsSchema } from './rate-limits.ts';
import { rbacSchema } from './rbac.ts';
import { retentionSchema } from './retention.ts';
import { subprocessorsSchema } from './subprocessors.ts';
import { uptimeSchema } from './uptime.ts';

/** Public file kinds, keyed by file stem (meta.yaml -> "meta"), in page order. */
export const publicSchemas = {
  meta: metaSchema,
  uptime: uptimeSchema,
  latency: latencySchema,
  auth: authSchema,
  rbac: rbacSchema,
  'rate-limits': rateLimitsSchema,
  retention: retentionSchema,
  subprocessors: subprocessorsSchema,
  compliance: complianceSchema,
  incidents: incidentsSchema,
  credits: creditsSchema,
  changes: changesSchema,
} as const;

/** Every file kind, including the NDA-only annex. */
export const fileSchemas = { ...publicSchemas, nda: ndaSchema } as const;

export type PublicKind = keyof typeof publicSchemas;
export type FileKind = keyof typeof fileSchemas;

export const publicKinds = Object.keys(publicSchemas) as PublicKind[];
export const fileKinds = Object.keys(fileSchemas) as FileKind[];

/** Kinds that may be absent from a version folder. */
export const optionalKinds: ReadonlySet<FileKind> = new Set(['nda']);

/** The validated public policy of one version. Contains nothing from nda.yaml by construction. */
export type Policy = { [K in PublicKind]: z.infer<(typeof publicSchemas)[K]> };

export type { Nda } from './nda.ts';

/** The file name of a kind inside a version folder. */
export function fileNameOf(kind: FileKind): string {
  return `${kind}.yaml`;
}
