/**
 * The example project used through Astro directly (`npx astro build`), the way a vendor adds slapage to an Astro site
 * they already have. `slapage build` needs no Astro config at all: it runs the same integration itself.
 */
import { defineConfig } from 'astro/config';
import slapage from './src/build/integration.ts';

export default defineConfig({ integrations: [slapage()] });
