/** Astro's ambient types (import.meta.glob) for a clean checkout, before `astro sync` has written .astro/, and the integration's virtual module. */
/// <reference types="astro/client" />

declare module 'virtual:slapage/site' {
  export const site: import('./site/site-options.ts').SiteOptions;
  /** Dev: the problems of slapage.config.yaml after an edit broke it (the pages show them); empty otherwise. */
  export const configProblems: readonly import('./errors/catalog.ts').Problem[];
}
