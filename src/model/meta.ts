/** meta.yaml: what this version is, when it was published and takes effect, who to contact. */
import { z } from 'zod';
import { email, httpsUrl, isoDate, label, text, versionString } from './primitives.ts';

export const metaSchema = z.strictObject({
  /** The version, "MAJOR.MINOR", quoted; must equal the folder name. */
  version: versionString,
  /** Publication date; the footer reads "Last updated: DATE · vX.Y". */
  updated: isoDate,
  /** Date these commitments take effect; on or after `updated`. */
  effective: isoDate,
  /** Product name as customers know it. */
  product: label,
  /** Legal entity that makes these commitments. */
  company: label,
  /** Public URL where the page is published; feeds and security.txt derive their URLs from it. */
  url: httpsUrl,
  /** The #summary paragraph: at most two sentences. */
  summary: text.refine((s) => (s.match(/[.!?](\s|$)/g) ?? []).length <= 2, {
    error: 'the summary is at most two sentences',
    params: { hint: 'shorten it to two sentences; the details belong in the sections below' },
  }),
  /** Who to contact. */
  contacts: z.strictObject({
    /** Security contact; feeds /.well-known/security.txt. */
    security: email,
    /** Vulnerability disclosure policy page, if any. */
    security_policy_url: httpsUrl.optional(),
    /** Where customers send SLA credit claims and contract questions. */
    support: email.optional(),
  }),
  /** Languages the security contact reads (BCP 47 tags), for security.txt Preferred-Languages. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag like "en" or "de"' })).min(1).optional(),
});

export type Meta = z.infer<typeof metaSchema>;
