/** rbac.yaml: roles, tool scoping (methods, tags, toolkits, TTL), integration coverage, and the audit trail. */
import { z } from 'zod';
import { label, text, uniqueList } from './primitives.ts';

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
  filtering: z
    .strictObject({
      /** How method filters work (e.g. read-only servers). */
      methods: text.optional(),
      /** How tag filters work. */
      tags: text.optional(),
      /** Filters are enforced when a tool is called, not only when tools are listed. */
      enforced_on_call: z.boolean(),
    })
    .optional(),
  /** What a server's tools can be scoped by. */
  scoping: z
    .strictObject({
      /** The dimensions: methods, tags, toolkits, single tools, and ttl (access that expires). */
      by: uniqueList(z.enum(['methods', 'tags', 'toolkits', 'tools', 'ttl'])).min(1),
      /** With methods: the method filters offered: read, write, custom, or named operations. */
      method_categories: uniqueList(z.enum(['read', 'write', 'custom', 'named'])).min(1).optional(),
      /** How scoping works, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** Which integrations the platform offers, and who maintains them. */
  integrations: z
    .strictObject({
      /** Integrations built and maintained by the vendor. */
      first_party_count: z.int().min(0).optional(),
      /** Community-built integrations the platform can run. */
      community_count: z.int().min(0).optional(),
      /** Whether the vendor supports community integrations under this SLA. */
      community_supported: z.boolean().optional(),
      /** Coverage in the vendor's words: how tools are made, what first-party and community mean. */
      statement: text,
    })
    .optional(),
  /** What the audit trail records. */
  audit_trail: text,
});

export type Rbac = z.infer<typeof rbacSchema>;
