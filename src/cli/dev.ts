/**
 * `slapage dev [--project DIR] [--policy DIR] [--drafts] [--port N]`: the site with live reload. Every edit is served at
 * once (src/build/dev-reload.ts); an error shows, located, in the browser (a page of its own, no JavaScript) and the terminal.
 */
import { resolveProject } from '../load/project.ts';
import slapage from '../build/integration.ts';
import { parse, projectOptions } from './args.ts';

export const usage = `usage: slapage dev [--project DIR] [--policy DIR] [--drafts] [--port N]

Serves the site on http://localhost:4321 (or --port) and reloads it when a policy, content or config file
changes; an error is shown, located, in the browser and here until it is fixed.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: { ...projectOptions, drafts: { type: 'boolean' }, port: { type: 'string' } },
  });
  const paths = resolveProject({ project: values.project, policy: values.policy });
  // Astro reads its telemetry switch only from the environment (there is no config option); nothing of ours does.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { dev } = await import('astro');
  const server = await dev({
    root: paths.root,
    configFile: false,
    ...(values.port ? { server: { port: Number(values.port) } } : {}),
    integrations: [slapage({ project: paths.root, policy: paths.policyDir, drafts: values.drafts ?? false, wholeSite: true })],
  });
  await new Promise<void>((done) => process.once('SIGINT', () => void server.stop().then(done)));
  return 0;
}
