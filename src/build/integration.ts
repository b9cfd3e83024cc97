/**
 * The `slapage` Astro integration (`import slapage from 'slapage'`, or 'slapage/astro'): injects the page, archive,
 * PDF, JSON, feed and security.txt routes under a route prefix, and hands the pages their options through a virtual
 * module. Inside a host Astro site it reads the host's `site` and `base` and never sets them; `slapage build` and
 * `slapage dev` own the whole site and set them from slapage.config.yaml. A route another integration or page already
 * has is a build error naming both.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems } from '../errors/format.ts';
import { hasErrors } from '../validate/validate.ts';
import { loadProject, resolveProject, type Project, type ProjectPaths } from '../load/project.ts';
import { isPrefix } from '../model/config.ts';
import { withBase } from '../site/address.ts';
import { securityTxtNotice, SECURITY_TXT_PATH } from '../site/security-txt.ts';
import { configMount, siteOptions, type Mount, type SiteOptions } from '../site/site-options.ts';
import { devReload, VIRTUAL_ID } from './dev-reload.ts';

export interface SlapageOptions {
  /** The project folder; default: Astro's root. */
  readonly project?: string;
  /** The policy folder; default: <project>/policy. */
  readonly policy?: string;
  /** Publish unreleased versions too, marked as drafts (pull-request previews). Default false. */
  readonly drafts?: boolean;
  /** Route prefix of every slapage page and file, e.g. "/security"; default slapage.config.yaml's site.prefix, else "/". */
  readonly prefix?: string;
  /**
   * The engine owns the whole site (`slapage build`, `slapage dev`): site address and base path from
   * slapage.config.yaml, static output, no dev toolbar. Default false: a host site's settings are left alone.
   */
  readonly wholeSite?: boolean;
}

const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** The engine's own source folder (src/ in the repository, lib/ in the package): its routes and components. */
const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUTES = join(ENGINE, 'routes');

/** Every route the engine publishes, relative to the prefix; page files are .astro, endpoints .ts (.js once packed). */
const routes: readonly { pattern: string; entry: string; what: string }[] = [
  { pattern: '/', entry: 'index.astro', what: 'the SLA page' },
  { pattern: '/v/[version]/', entry: 'v/[version]/index.astro', what: 'the archived versions' },
  { pattern: '/v/[version]/sla.json', entry: 'v/[version]/sla.json', what: "each version's sla.json" },
  { pattern: '/sla.json', entry: 'sla.json', what: 'sla.json' },
  { pattern: '/sla.schema.json', entry: 'sla.schema.json', what: "sla.json's schema" },
  { pattern: '/sla.pdf', entry: 'sla.pdf', what: 'the PDF' },
  { pattern: '/sla-v[version].pdf', entry: 'sla-v[version].pdf', what: "each version's PDF" },
  { pattern: '/changelog/', entry: 'changelog/index.astro', what: 'the changelog' },
  { pattern: '/changelog.xml', entry: 'changelog.xml', what: 'the changelog feed' },
  { pattern: '/subprocessors.xml', entry: 'subprocessors.xml', what: 'the sub-processor feed' },
  { pattern: SECURITY_TXT_PATH, entry: 'security.txt', what: 'security.txt' },
  { pattern: '/favicon.ico', entry: 'favicon.ico', what: 'the favicon' },
];

function routeFile(entry: string): string {
  if (entry.endsWith('.astro')) return join(ROUTES, entry);
  const ts = join(ROUTES, `${entry}.ts`);
  return existsSync(ts) ? ts : join(ROUTES, `${entry}.js`);
}

/** Astro's base as a path with both slashes ("/docs" is written so too). */
function slashed(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A user's mistake as Astro prints it: the message and its hint, no stack trace (Astro prints one when `stack` is set). */
function userError(message: string, hint?: string): Error {
  const error = Object.assign(new Error(message), hint ? { hint } : {});
  error.stack = '';
  return error;
}

/** Throws the config's problems, located, as the CLI prints them. */
function loaded(paths: ProjectPaths): Project {
  const { project, problems } = loadProject(paths);
  if (!project || hasErrors(problems)) throw userError(`slapage.config.yaml has errors:\n\n${formatProblems(problems, 'text')}`);
  return project;
}

export default function slapage(options: SlapageOptions = {}): AstroIntegration {
  let site: SiteOptions | undefined;
  let root = '';
  if (options.prefix !== undefined && !isPrefix(options.prefix)) {
    throw userError(`slapage({ prefix: ${JSON.stringify(options.prefix)} }): expected a path that starts with "/", like "/security"`);
  }
  return {
    name: 'slapage',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, addMiddleware }) => {
        root = fileURLToPath(config.root);
        const paths = resolveProject({ project: options.project ? resolve(root, options.project) : root, policy: options.policy });
        const project = loaded(paths);
        const prefix = options.prefix ?? project.config.site.prefix;
        // A host site keeps its own address and base: the pages are mounted inside them.
        const mount = (project: Project): Mount =>
          options.wholeSite ? { ...configMount(project), prefix } : { url: project.config.site.url ?? config.site, base: slashed(config.base), prefix };
        site = siteOptions(project, options.drafts ?? false, mount(project));
        const at = site.prefix;
        for (const route of routes) {
          injectRoute({ pattern: withBase(at, route.pattern), entrypoint: routeFile(route.entry), prerender: true });
        }
        if (site.brand.logo) injectRoute({ pattern: withBase(at, `/${site.brand.logo.path}`), entrypoint: routeFile('logo'), prerender: true });
        // Dev only: an error while rendering a slapage page is served as a page of its own (status 500), located.
        if (command === 'dev') addMiddleware({ entrypoint: routeFile('dev-errors'), order: 'pre' });
        updateConfig({
          ...(options.wholeSite
            ? {
                ...(site.url ? { site: site.url } : {}),
                base: project.config.site.base,
                output: 'static' as const,
                trailingSlash: 'ignore' as const,
                build: { format: 'directory' as const, inlineStylesheets: 'always' as const },
                devToolbar: { enabled: false },
                // No client JavaScript anywhere: prefetch and view transitions stay off.
                prefetch: false,
              }
            : {}),
          vite: {
            plugins: [devReload({ paths, drafts: options.drafts ?? false, initial: site, mount, resolvedId: RESOLVED_ID })],
            server: { fs: { allow: [ENGINE, root] } },
          },
        });
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        const collision = routeCollision(resolved, root);
        if (collision) throw userError(collision.message, collision.hint);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (site) noteSecurityTxt(site, fileURLToPath(dir), logger);
      },
    },
  };
}

interface ResolvedRoute {
  readonly pattern: string;
  readonly entrypoint: string;
}

/** The first route of the engine's that another route of the site also has, said with both; undefined when none. */
export function routeCollision(resolved: readonly ResolvedRoute[], root: string): { message: string; hint: string } | undefined {
  const ours = (route: ResolvedRoute) => resolve(root, route.entrypoint).startsWith(ROUTES + sep);
  // "[version]" and "[slug]" in the same place match the same URLs.
  const shape = (pattern: string) => pattern.replace(/\[[^\]/.]+\]/g, '[]').replace(/\/$/, '') || '/';
  const others = resolved.filter((r) => !ours(r));
  for (const route of resolved.filter(ours)) {
    const other = others.find((r) => shape(r.pattern) === shape(route.pattern));
    if (!other) continue;
    const what = routes.find((r) => routeFile(r.entry) === resolve(root, route.entrypoint))?.what ?? 'a slapage page';
    const shown = (entry: string) => (entry.startsWith(root) ? relative(root, entry) : entry);
    return {
      message: `slapage: the route ${route.pattern} (${what}, ${shown(resolve(root, route.entrypoint))}) collides with the route ${other.pattern} of ${shown(other.entrypoint)}: both would write the same file`,
      hint: "mount slapage under a prefix no other page uses, e.g. slapage({ prefix: '/trust' }) (or site.prefix in slapage.config.yaml), or move the other page",
    };
  }
  return undefined;
}

/** RFC 9116 wants /.well-known/security.txt at the host's root: under a path the build says where it went. */
function noteSecurityTxt(site: SiteOptions, outDir: string, logger: AstroIntegrationLogger): void {
  const written = join(site.prefix.slice(1), SECURITY_TXT_PATH.slice(1));
  if (!existsSync(join(outDir, written))) return;
  const line = securityTxtNotice(site.base, written, readFileSync(join(outDir, written), 'utf8'));
  if (line) logger.warn(line);
}
