/**
 * The `slapage` Astro integration (`import slapage from 'slapage/astro'`): injects the page, archive, PDF, JSON, feed
 * and security.txt routes, adds MDX, sets the site address and base path from slapage.config.yaml, and hands the
 * pages their options through a virtual module. A project needs no Astro files of its own.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems } from '../errors/format.ts';
import { hasErrors } from '../validate/validate.ts';
import { loadProject, resolveProject, type Project } from '../load/project.ts';
import { siteOptions, type SiteOptions } from '../site/site-options.ts';

export interface SlapageOptions {
  /** The project folder; default: Astro's root. */
  readonly project?: string;
  /** The policy folder; default: <project>/policy. */
  readonly policy?: string;
  /** Publish unreleased versions too, marked as drafts (pull-request previews). Default false. */
  readonly drafts?: boolean;
}

const VIRTUAL_ID = 'virtual:slapage/site';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** The engine's own source folder (src/ in the repository, lib/ in the package): its routes and components. */
const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every route the engine publishes; page files are .astro, endpoints .ts (.js once packed). */
const routes: readonly { pattern: string; entry: string }[] = [
  { pattern: '/', entry: 'index.astro' },
  { pattern: '/v/[version]/', entry: 'v/[version]/index.astro' },
  { pattern: '/v/[version]/sla.json', entry: 'v/[version]/sla.json' },
  { pattern: '/sla.json', entry: 'sla.json' },
  { pattern: '/sla.schema.json', entry: 'sla.schema.json' },
  { pattern: '/sla.pdf', entry: 'sla.pdf' },
  { pattern: '/sla-v[version].pdf', entry: 'sla-v[version].pdf' },
  { pattern: '/changelog/', entry: 'changelog/index.astro' },
  { pattern: '/changelog.xml', entry: 'changelog.xml' },
  { pattern: '/subprocessors.xml', entry: 'subprocessors.xml' },
  { pattern: '/.well-known/security.txt', entry: 'security.txt' },
  { pattern: '/favicon.ico', entry: 'favicon.ico' },
];

function routeFile(entry: string): string {
  if (entry.endsWith('.astro')) return join(ENGINE, 'routes', entry);
  const ts = join(ENGINE, 'routes', `${entry}.ts`);
  return existsSync(ts) ? ts : join(ENGINE, 'routes', `${entry}.js`);
}

export default function slapage(options: SlapageOptions = {}): AstroIntegration {
  return {
    name: 'slapage',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        const root = fileURLToPath(config.root);
        const paths = resolveProject({ project: options.project ? resolve(root, options.project) : root, policy: options.policy });
        const loaded = loadProject(paths);
        if (!loaded.project || hasErrors(loaded.problems)) throw new Error(`slapage.config.yaml has errors:\n\n${formatProblems(loaded.problems, 'text')}`);
        const project = loaded.project;
        const site = siteOptions(project, options.drafts ?? false);
        for (const route of routes) {
          injectRoute({ pattern: route.pattern, entrypoint: routeFile(route.entry), prerender: true });
        }
        updateConfig({
          ...(site.url ? { site: site.url } : {}),
          base: site.base,
          output: 'static',
          trailingSlash: 'ignore',
          build: { format: 'directory', inlineStylesheets: 'always' },
          devToolbar: { enabled: false },
          // No client JavaScript anywhere: prefetch and view transitions stay off.
          prefetch: false,
          vite: { plugins: [sitePlugin(site, project, paths.configFile)], server: { fs: { allow: [ENGINE, root] } } },
        });
        if (site.brand.logo) injectRoute({ pattern: `/${site.brand.logo.path}`, entrypoint: routeFile('logo'), prerender: true });
      },
    },
  };
}

/** `virtual:slapage/site`: the options as JSON (the project's prose is read as text by src/load/prose.ts, never compiled). */
function sitePlugin(site: SiteOptions, project: Project, configFile: string) {
  return {
    name: 'slapage:site',
    resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id: string) {
      if (id !== RESOLVED_ID) return undefined;
      return [
        `export const site = ${JSON.stringify(site)};`,
      ].join('\n');
    },
    // Dev: a policy, measurement or config edit reloads the page, which validates afresh.
    configureServer(server: { watcher: { add(paths: string[]): void; on(event: 'all', listener: (event: string, path: string) => void): void }; ws: { send(payload: { type: 'full-reload' }): void } }) {
      const watched = [project.policyDir, project.contentDir, configFile];
      server.watcher.add(watched);
      server.watcher.on('all', (_event, path) => {
        if (watched.some((dir) => path.startsWith(dir))) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
