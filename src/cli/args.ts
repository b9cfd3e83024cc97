/** Shared argument parsing for the CLIs: node's parseArgs, usage errors exit 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** The options every project command takes: --project DIR and --policy DIR (`--help` is answered by main.ts for all). */
export const projectOptions = { project: { type: 'string' }, policy: { type: 'string' } } as const;

/** node's parseArgs (strict unless the config says otherwise); its errors become usage errors. */
export function parse<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config); // strict by default
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs a CLI body: exit code from the body; a UsageError exits 2 with usage; anything else is a bug (exit 70). */
export async function run(usage: string, body: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`internal error (please report): ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    }
  }
}
