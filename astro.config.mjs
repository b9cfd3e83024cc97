/** Astro config for the SLA & security page: static output, MDX prose, styles inlined so / is a single request. */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  integrations: [mdx()],
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // No client JavaScript anywhere: prefetch and view transitions stay off.
  prefetch: false,
});
