/** retention.yaml: payload retention, the metadata kept and for how long, audit logs and their export, regions and pinning, configuration export. */
import { z } from 'zod';
import { days, label, text, uniqueList } from './primitives.ts';

export const retentionSchema = z.strictObject({
  /** Request and response payloads. */
  payloads: z.strictObject({
    /** false: payloads are never stored (zero data retention). */
    retained: z.boolean(),
    /** How that is guaranteed. */
    statement: text,
  }),
  /** Per-request metadata. */
  metadata: z.strictObject({
    /** The only fields kept per request. */
    fields: uniqueList(z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'expected a field name like "latency_ms"' })).min(1),
    /** How long metadata is kept, days. */
    retention_days: days,
  }),
  /** Administrative audit logs. */
  audit_logs: z.strictObject({
    /** How long audit logs are kept, days. */
    retention_days: days,
    /** Formats customers can export. */
    export_formats: uniqueList(z.enum(['json', 'cef', 'csv', 'syslog'])).min(1),
    /** SIEMs the audit log can be streamed or exported to, e.g. Splunk, Datadog. */
    siem: uniqueList(label).min(1).optional(),
  }),
  /** Whether upstream responses are cached while in transit through the platform. */
  caching: z
    .strictObject({
      /** false: no response is cached; true: responses may be served from a cache. */
      cached: z.boolean(),
      /** With cached true: the longest a cached response is kept, seconds. */
      ttl_seconds: z.int().min(1).max(31_536_000).optional(),
      /** With cached true: who a cached response is shared with: per-user, per-tenant or shared across tenants. */
      scope: z.enum(['per-user', 'per-tenant', 'shared']).optional(),
      /** How it works, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** Regions where data may be processed; customers pick one. */
  regions: uniqueList(label).min(1),
  /** Whether the data plane can be pinned to a region: per-tenant, per-account, or none. */
  region_pinning: z
    .strictObject({
      /** The finest level a region is pinned at. */
      level: z.enum(['per-tenant', 'per-account', 'none']),
      /** How pinning works, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** Whether customers can export their configuration (servers, integrations, scopes) to move elsewhere. */
  configuration_export: z
    .strictObject({
      /** Whether an export exists. */
      available: z.boolean(),
      /** Formats of the export, e.g. JSON, YAML, Terraform. */
      formats: uniqueList(label).min(1).optional(),
      /** What it contains, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
});

export type Retention = z.infer<typeof retentionSchema>;
