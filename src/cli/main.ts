#!/usr/bin/env node
/** `slapage <command> [options]`: the one command-line entry. Each command loads only its own modules, so `--help` and `validate` start fast. */
import module from 'node:module';

// Most of a cold start is compiling zod, yaml and the model; Node's on-disk compile cache roughly halves that from
// the second run on. It must be on before those modules load, hence the dynamic imports below.
module.enableCompileCache?.();

interface Command {
  readonly usage: string;
  main(args: readonly string[]): number | Promise<number>;
}

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  init: { summary: 'start a project in this folder: config, policy/1.0 with TODOs, workflows', load: () => import('./init.ts') },
  validate: { summary: 'check every policy version and the project config', load: () => import('./validate.ts') },
  build: { summary: 'build the site, PDFs and feeds into dist/', load: () => import('./build.ts') },
  check: { summary: 'check a built site: anchors, links, no NDA text, PDF destinations, sla.json, accessibility', load: () => import('./check.ts') },
  dev: { summary: 'preview the site with live reload', load: () => import('./dev.ts') },
  diff: { summary: 'what changed between two versions, stronger or weaker', load: () => import('./diff.ts') },
  'new-version': { summary: 'start a draft from the latest version', load: () => import('./new-version.ts') },
  release: { summary: 'mark a version released (immutable)', load: () => import('./release.ts') },
  pdf: { summary: 'write the public or NDA PDF of a version', load: () => import('./pdf.ts') },
  measure: { summary: 'measure the time a gateway adds (the reference one, or yours with --gateway)', load: () => import('./measure.ts') },
  verify: { summary: 'check the claims a request can test against a gateway; write the evidence', load: () => import('./verify.ts') },
  probe: { summary: 'check an MCP endpoint is up (either era) and append the sample to content/uptime/', load: () => import('./probe.ts') },
};

const usage = `usage: slapage <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Every command takes --project DIR (default: the current folder) and --help.
Exit status: 0 ok, 1 problems found, 2 usage error.`;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage + '\n');
  process.exitCode = name === undefined ? 2 : 0;
} else if (name === '--version' || name === '-v') {
  const { createRequire } = await import('node:module');
  process.stdout.write(`${(createRequire(import.meta.url)('../../package.json') as { version: string }).version}\n`);
} else if (!Object.hasOwn(commands, name)) {
  process.stderr.write(`unknown command ${JSON.stringify(name)}\n\n${usage}\n`);
  process.exitCode = 2;
} else {
  const { run } = await import('./args.ts');
  const command = await commands[name]!.load();
  // Every command's --help, in one place: its usage on stdout, exit 0.
  if (args.includes('--help') || args.includes('-h')) process.stdout.write(command.usage + '\n');
  else await run(command.usage, () => command.main(args));
}
