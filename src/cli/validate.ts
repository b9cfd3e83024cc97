/** `npm run validate [-- --policy DIR] [--format text|json|github]`: exit 0 clean, 1 problems, 2 usage. */
import { enableCompileCache } from 'node:module';

// Most of a cold run is compiling zod, yaml and the model; Node's on-disk compile cache
// (os.tmpdir()/node-compile-cache, or $NODE_COMPILE_CACHE) roughly halves that from the second run on.
// It must be on before those modules load, hence the dynamic imports below.
enableCompileCache();
const { resolvePolicyDir } = await import('../load/load-policy.ts');
const { hasErrors, validatePolicy } = await import('../validate/validate.ts');
const { parse, run, UsageError } = await import('./args.ts');
const { formatProblems, formats, summary } = await import('./format-problems.ts');
type Format = import('./format-problems.ts').Format;

const usage = `usage: npm run validate -- [--policy DIR] [--format text|json|github]

Validates every version under DIR (default: $SLA_POLICY_DIR, else ./policy).
Exit status: 0 valid, 1 problems found, 2 usage error.`;

await run(usage, () => {
  const { values } = parse({ args: process.argv.slice(2), options: { policy: { type: 'string' }, format: { type: 'string', default: 'text' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`unknown format ${JSON.stringify(values.format)}; use text, json or github`);
  const result = validatePolicy(resolvePolicyDir(values.policy));
  const out = formatProblems(result.problems, format);
  if (format === 'text') {
    if (out) process.stdout.write(out + '\n\n');
    process.stdout.write(summary(result.problems, result.versions.length) + '\n');
  } else if (out) {
    process.stdout.write(out + '\n');
  }
  return hasErrors(result.problems) ? 1 : 0;
});
