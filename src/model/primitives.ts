/** Shared field types for the policy schemas: units, dates, https URLs, identifiers. Pure zod, no I/O. */
import { z } from 'zod';

/** A calendar date written as a quoted ISO string, e.g. "2026-05-15". */
export const isoDate = z.iso.date({ error: 'expected a quoted ISO date like "2026-05-15"' });

/** An absolute https URL. zod's plain url() accepts javascript: and data:, so the scheme is pinned. */
export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'expected an https URL like "https://example.com/trust"',
});

/** A mailbox for humans, e.g. security@example.com. */
export const email = z.email({ error: 'expected an email address like "security@example.com"' });

/** A non-empty line or paragraph of prose shown to customers. */
export const text = z.string().trim().min(1, { error: 'must not be empty' }).max(4000);

/** A short label: a name, a role, a purpose. */
export const label = z.string().trim().min(1, { error: 'must not be empty' }).max(200);

/** A stable, URL-safe identifier such as "planned-maintenance". */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lowercase words joined by hyphens, like "planned-maintenance"' });

/** A policy version "MAJOR.MINOR", always quoted: unquoted 3.10 is the number 3.1 in YAML. */
export const versionString = z.string({ error: 'expected a quoted version string like "3.2"' }).regex(/^\d+\.\d+$/, {
  error: 'expected a version like "3.2" (MAJOR.MINOR)',
});

/** A commitment percentage strictly between 0 and 100, e.g. 99.95. */
export const targetPercent = z.number().gt(0).lt(100);

/** A share of fees, 0 < x <= 100. */
export const creditPercent = z.number().gt(0).lte(100);

/** Whole days, zero or more. */
export const days = z.int().min(0).max(3650);

/** Whole hours, zero or more. */
export const hours = z.int().min(0).max(8760);

/** Whole minutes, zero or more. */
export const minutes = z.int().min(0).max(525600);

/** Whole seconds, zero or more (up to a year). */
export const seconds = z.int().min(0).max(31_536_000);

/** Milliseconds, positive; fractions allowed for sub-millisecond objectives. */
export const milliseconds = z.number().positive().max(600_000);

/** A list whose items are unique by value. Custom issues carry their hint in `params.hint`. */
export function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate entry ${JSON.stringify(value)}`, params: { rule: 'duplicate', hint: 'remove the repeated entry' } });
      seen.add(value);
    });
  });
}
