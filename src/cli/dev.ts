/** `slapage dev [--project DIR] [--policy DIR] [--drafts] [--port N]`: the site with live reload; a policy error shows in the browser with its location. */
import { resolveProject } from '../load/project.ts';
import slapage from '../build/integration.ts';
import { parse, projectOptions } from './args.ts';

export const usage = `usage: slapage dev [--project DIR] [--policy DIR] [--drafts] [--port N]

Serves the site on http://localhost:4321 (or --port) and reloads it when a policy, content or config file changes.`;

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
    integrations: [slapage({ project: paths.root, policy: paths.policyDir, drafts: values.drafts ?? false })],
  });
  await new Promise<void>((done) => process.once('SIGINT', () => void server.stop().then(done)));
  return 0;
}
