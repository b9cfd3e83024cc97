/** What the integration hands to the pages, explicitly, through the `virtual:slapage/site` module: plain JSON, no globals. */
import { join } from 'node:path';
import type { Project } from '../load/project.ts';

export interface SiteOptions {
  /** The project folder (Astro's root). */
  readonly root: string;
  readonly policyDir: string;
  readonly measurementsDir: string;
  /** Absolute site address, without the base path: config site.url, else each version's meta.url. */
  readonly url: string | undefined;
  /** "/" or "/trust/". */
  readonly base: string;
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

export function siteOptions(project: Project, drafts: boolean): SiteOptions {
  const logoName = logoFileName(project);
  return {
    root: project.root,
    policyDir: project.policyDir,
    measurementsDir: project.measurementsDir,
    url: project.config.site.url,
    base: project.config.site.base,
    drafts,
    brand: {
      accentColor: project.config.brand.accent_color,
      logo: logoName && project.logo
        ? { path: logoName, source: join(project.root, project.config.brand.logo!), type: project.logo.type, alt: project.config.brand.logo_alt, ...(project.logo.width ? { width: project.logo.width, height: project.logo.height } : {}) }
        : undefined,
    },
  };
}

