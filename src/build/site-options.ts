/** What the integration hands to the pages, explicitly, through the `virtual:slapage/site` module: plain JSON, no globals. */

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
