/** What the integration hands to the pages, explicitly, through the `virtual:slapage/site` module: plain JSON, no globals. */
import { join } from 'node:path';
import type { Project } from '../load/project.ts';
import { normalizePrefix } from '../model/config.ts';
import { withBase } from './address.ts';

export interface SiteOptions {
  /** The project folder (Astro's root). */
  readonly root: string;
  readonly policyDir: string;
  readonly measurementsDir: string;
  /** Absolute site address, without the base path: config site.url, else each version's meta.url. */
  readonly url: string | undefined;
  /** Where the engine's pages live in the site: the site's base path and the route prefix, "/", "/trust/" or "/docs/security/". */
  readonly base: string;
  /** The route prefix inside the site ("/" or "/security/"): the injected routes' patterns start with it. */
  readonly prefix: string;
  /** Whether unreleased versions are published (pull-request previews). */
  readonly drafts: boolean;
  readonly brand: {
    readonly accentColor: string | undefined;
    /** Site path of the copied logo file, when there is one. */
    readonly logo: { readonly path: string; /** The file in the project, read by the logo route. */ readonly source: string; readonly type: 'svg' | 'png'; readonly alt: string | undefined; readonly width?: number; readonly height?: number } | undefined;
  };
}

/** The site path of the published logo: a fixed name, so no project path leaks into the output. */
export function logoFileName(project: Project): string | undefined {
  return project.logo ? `logo.${project.logo.type}` : undefined;
}

/**
 * Where the pages are mounted. `slapage build` and `slapage dev` own the whole site: slapage.config.yaml's site.url and
 * site.base. Inside a host Astro site, the host's own `site` and `base` (read, never set), and the integration's prefix.
 */
export interface Mount {
  readonly url: string | undefined;
  /** The site's base path, "/" or "/trust/". */
  readonly base: string;
  /** "/security", "/security/" or "/". */
  readonly prefix: string | undefined;
}

/** The project's own mount: its config's address and prefix. */
export function configMount(project: Project): Mount {
  return { url: project.config.site.url, base: project.config.site.base, prefix: project.config.site.prefix };
}

export function siteOptions(project: Project, drafts: boolean, mount: Mount = configMount(project)): SiteOptions {
  const logoName = logoFileName(project);
  const prefix = normalizePrefix(mount.prefix);
  return {
    root: project.root,
    policyDir: project.policyDir,
    measurementsDir: project.measurementsDir,
    url: mount.url,
    base: withBase(mount.base, prefix),
    prefix,
    drafts,
    brand: {
      accentColor: project.config.brand.accent_color,
      logo: logoName && project.logo
        ? { path: logoName, source: join(project.root, project.config.brand.logo!), type: project.logo.type, alt: project.config.brand.logo_alt, ...(project.logo.width ? { width: project.logo.width, height: project.logo.height } : {}) }
        : undefined,
    },
  };
}

