/** slapage.config.yaml: where the site is published and how it looks. Per project, not per version, so it can change after a release. */
import { z } from 'zod';
import { httpsUrl } from './primitives.ts';

/** "/" or "/path/" segments of letters, digits, `-`, `_` and `.`. */
const basePath = z
  .string()
  .regex(/^\/([A-Za-z0-9._-]+\/)*$/, { error: 'expected a path that starts and ends with "/", like "/" or "/trust/"' });

/** "/security" or "/security/" (either is read as "/security/"); "/" mounts the pages at the site's root. */
const prefixPath = z
  .string()
  .regex(/^\/([A-Za-z0-9._-]+\/)*([A-Za-z0-9._-]+)?$/, { error: 'expected a path that starts with "/", like "/security" or "/security/"' });

/** A route prefix as the engine uses it: "/" or "/security/" (leading and trailing slash). */
export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === '/') return '/';
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/** Whether `prefix` is a route prefix the engine accepts ("/security", "/security/", "/"). */
export function isPrefix(prefix: string): boolean {
  return prefixPath.safeParse(prefix).success;
}

const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { error: 'expected a colour as "#RRGGBB", like "#0B7A75"' });

export const configSchema = z.strictObject({
  /** Where the site is published. */
  site: z
    .strictObject({
      /** Canonical address (scheme and host, optionally a path): canonical links, feeds, security.txt and sla.json derive from it. Wins over meta.url. */
      url: httpsUrl.optional(),
      /** Path prefix of every link and asset, e.g. "/trust/" for a GitHub Pages project site. Default "/". */
      base: basePath.default('/'),
      /**
       * Route prefix of every slapage page and file inside the site, e.g. "/security" beside a docs site that keeps "/".
       * The integration's `prefix` option wins. Default "/".
       */
      prefix: prefixPath.optional(),
    })
    .prefault({}),
  /** The vendor's brand on the page and the PDF. */
  brand: z
    .strictObject({
      /** Logo file (SVG or PNG) relative to the project folder: page header, PDF cover and running header, favicon. */
      logo: z.string().min(1).optional(),
      /** Text alternative of the logo; default: the company name. */
      logo_alt: z.string().min(1).max(200).optional(),
      /** Colour of links and accents on the page and the PDF; must reach 4.5:1 contrast on white (WCAG AA). */
      accent_color: hexColor.optional(),
    })
    .prefault({}),
});

export type ProjectConfig = z.infer<typeof configSchema>;

export const CONFIG_FILE = 'slapage.config.yaml';
