/** Astro's ambient types (import.meta.glob) for a clean checkout, before `astro sync` has written .astro/, and the integration's virtual module. */
/// <reference types="astro/client" />

declare module 'virtual:slapage/site' {
  export const site: import('./site/site-options.ts').SiteOptions;
  type Mdx = { default: (props: Record<string, unknown>) => unknown };
  /** content/sections/<anchor>.mdx of the project, keyed "/content/sections/<anchor>.mdx". */
  export const overrides: Record<string, Mdx>;
  /** content/v/<version>/<anchor>.mdx of the project: a version's wording frozen as published. */
  export const frozen: Record<string, Mdx>;
}
