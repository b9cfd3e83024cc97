/**
 * The Vite plugin behind `virtual:slapage/site`, and in dev the watcher that keeps the served pages true to the files:
 * an edit to a policy, prose, measurement, evidence or config file re-reads the site options, drops the virtual module
 * and Astro's route cache (getStaticPaths, so a new version folder is served at once) and reloads the browser; the
 * terminal says at once whether the project is valid, with each error located.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, sep } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { formatProblems, summary } from '../errors/format.ts';
import { loadProject, type Project, type ProjectPaths } from '../load/project.ts';
import { siteOptions, type Mount, type SiteOptions } from '../site/site-options.ts';
import { devErrorPage } from '../site/dev-error-page.ts';
import { reportOnce } from '../site/dev-report.ts';
import { siteData } from '../site/site-data.ts';
import { hasErrors } from '../validate/validate.ts';
import { validateCached } from '../validate/validation-cache.ts';

export const VIRTUAL_ID = 'virtual:slapage/site';

export interface DevReloadOptions {
  readonly paths: ProjectPaths;
  readonly drafts: boolean;
  /** The options the routes were injected with. */
  readonly initial: SiteOptions;
  readonly mount: (project: Project) => Mount;
  readonly resolvedId: string;
}

/** The parts of Vite's dev server this uses (typed here: Vite is Astro's, not a dependency of ours). */
interface DevServer {
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
  watcher: { add(paths: string[]): void; on(event: 'all', listener: (event: string, path: string) => void): void };
  environments: Record<string, DevEnvironment | undefined>;
}
interface DevEnvironment {
  moduleGraph: { getModuleById(id: string): unknown; invalidateModule(module: unknown, seen?: Set<unknown>, timestamp?: number, isHmr?: boolean): void };
  hot: { send(event: string | { type: 'full-reload'; path?: string }, payload?: object): void };
  runner?: { evaluatedModules: { getModuleById(id: string): unknown; invalidateModule(module: unknown): void } };
}

/** What the virtual module exports: the options, and the config's problems when an edit broke it (the pages show them). */
function moduleText(site: SiteOptions, problems: readonly Problem[]): string {
  return `export const site = ${JSON.stringify(site)};\nexport const configProblems = ${JSON.stringify(problems)};`;
}

/** The paths of the engine's routes under the pages' base ("" is the page itself). */
const ROUTE_PATHS = /^(?:|v\/[^/]+\/(?:sla\.json)?|sla\.json|sla\.schema\.json|sla\.pdf|sla-v[^/]+\.pdf|changelog\/|changelog\.xml|subprocessors\.xml|\.well-known\/security\.txt)$/;

export function devReload({ paths, drafts, initial, mount, resolvedId }: DevReloadOptions) {
  let text = moduleText(initial, []);
  let current = { site: initial, problems: [] as Problem[] };
  /** Re-reads slapage.config.yaml: the routes stay where they were injected; everything the pages read follows the file. */
  const reread = (): void => {
    const { project, problems } = loadProject(paths);
    if (!project || hasErrors(problems)) {
      text = moduleText(initial, problems);
      current = { site: initial, problems };
      return;
    }
    const site = siteOptions(project, drafts, mount(project));
    if (site.prefix !== initial.prefix || site.base !== initial.base || site.brand.logo?.path !== initial.brand.logo?.path) {
      process.stderr.write('slapage.config.yaml: the prefix, base path or logo type changed: restart the dev server to move the routes\n');
    }
    current = { site: { ...site, prefix: initial.prefix, base: initial.base }, problems: [] };
    text = moduleText(current.site, []);
  };
  return {
    name: 'slapage:site',
    resolveId: (id: string) => (id === VIRTUAL_ID ? resolvedId : undefined),
    load: (id: string) => (id === resolvedId ? text : undefined),
    configureServer(server: DevServer) {
      const watched = [paths.policyDir, paths.contentDir, paths.measurementsDir, paths.evidenceDir, paths.configFile];
      const inside = (file: string) => watched.some((w) => file === w || file.startsWith(w + sep));
      server.watcher.add(watched);
      // Before Astro's handler, which answers a failing getStaticPaths with Vite's overlay (JavaScript only): a request
      // for one of the engine's routes while the project has errors gets the located errors as a page of its own.
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
        if (req.method !== 'GET' || !path.startsWith(current.site.base) || !ROUTE_PATHS.test(path.slice(current.site.base.length))) return next();
        const errors = projectErrors(current.site, current.problems);
        reportProject(current.site, paths, errors);
        if (!errors) return next();
        const error = { message: '', problems: errors.problems };
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(devErrorPage(error));
      });
      server.watcher.on('all', (_event, file) => {
        if (!inside(file)) return;
        if (file === paths.configFile) reread();
        invalidate(server, resolvedId);
        reportProject(current.site, paths, projectErrors(current.site, current.problems));
      });
    },
  };
}

/** As Astro does for its content layer: the module out of every server environment, the route cache cleared, a full reload. */
function invalidate(server: DevServer, resolvedId: string): void {
  const timestamp = Date.now();
  for (const [name, environment] of Object.entries(server.environments)) {
    if (!environment || name === 'client') continue;
    const module = environment.moduleGraph.getModuleById(resolvedId);
    if (module) environment.moduleGraph.invalidateModule(module, undefined, timestamp, true);
    const evaluated = environment.runner?.evaluatedModules.getModuleById(resolvedId);
    if (evaluated) environment.runner!.evaluatedModules.invalidateModule(evaluated);
    // Astro's dev app clears its getStaticPaths cache on this event.
    environment.hot.send('astro:content-changed', {});
  }
  server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
}

/** The project's errors as the pages would meet them (config, validation, nothing to publish); none when it builds. */
function projectErrors(site: SiteOptions, configProblems: readonly Problem[]): { problems: Problem[]; versions: number } | undefined {
  if (configProblems.length > 0) return { problems: [...configProblems], versions: 0 };
  const data = siteData(site, false);
  return 'problems' in data ? { problems: data.problems.filter((p) => p.severity === 'error'), versions: data.versionCount } : undefined;
}

/** The terminal's word: the located errors, or that the project is valid (again). */
function reportProject(site: SiteOptions, paths: ProjectPaths, errors: ReturnType<typeof projectErrors>): void {
  if (errors) return reportOnce(`${formatProblems(errors.problems, 'text')}\n\n${summary(errors.problems, errors.versions)}\n`);
  const validation = validateCached(site.policyDir, { measurementsDir: site.measurementsDir });
  reportOnce(`${summary(validation.problems, validation.versions.length)} (${relative(process.cwd(), paths.policyDir) || '.'})\n`);
}
