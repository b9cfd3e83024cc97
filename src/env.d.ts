/** Astro's ambient types (astro:content, import.meta.glob) for a clean checkout, before `astro sync` has written .astro/. */
/// <reference types="astro/client" />
