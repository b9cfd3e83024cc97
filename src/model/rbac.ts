/** rbac.yaml: roles, method and tag filtering, and the audit trail. */
import { z } from 'zod';
import { label, text } from './primitives.ts';

export const rbacSchema = z.strictObject({
  /** Overview of access control. */
  statement: text,
  /** Roles in the customer's organisation; names unique. */
  roles: z
    .array(
      z.strictObject({
        /** Role name, unique. */
        name: label,
        /** What the role may do. */
        description: text,
      }),
    )
    .min(1),
  /** Tool filtering per MCP server. */
  filtering: z.strictObject({
    /** How HTTP-method filters work (e.g. read-only servers). */
    methods: text,
    /** How tag filters work. */
    tags: text,
    /** Filters are enforced when a tool is called, not only when tools are listed. */
    enforced_on_call: z.boolean(),
  }),
  /** What the audit trail records. */
  audit_trail: text,
});

export type Rbac = z.infer<typeof rbacSchema>;
