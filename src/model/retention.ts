/** retention.yaml: zero payload retention, the metadata kept and for how long, audit logs, regions. */
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
  }),
  /** Regions where data may be processed; customers pick one. */
  regions: uniqueList(label).min(1),
});

export type Retention = z.infer<typeof retentionSchema>;
