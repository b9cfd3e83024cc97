/**
 * `npm run bench:pdf [-- --policy DIR] [--runs N]`: time to render each version's public PDF (warm: after one
 * discarded render in the same process) and its size, against the targets of 200 ms and 250 KB. Prints figures;
 * asserts nothing.
 */
import { cpus, release } from 'node:os';
import { parseArgs } from 'node:util';
import { resolveProject } from '../src/load/project.ts';
import { renderPublicPdf } from '../src/pdf/editions.ts';
import { pdfSha256, publicSources } from '../src/pdf/published.ts';
import { hasErrors, validatePolicy } from '../src/validate/validate.ts';

const TARGET_MS = 200;
const TARGET_KB = 250;

const { values } = parseArgs({ options: { policy: { type: 'string' }, runs: { type: 'string', default: '10' } } });
const runs = Math.max(1, Number(values.runs));
const { versions, problems } = validatePolicy(resolveProject({ policy: values.policy }).policyDir);
if (hasErrors(problems)) {
  process.stderr.write('the policy has errors; run `npm run validate`\n');
  process.exit(1);
}

process.stdout.write(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, kernel ${release()}; ${runs} warm runs per version\n\n`);
process.stdout.write('version  median ms  min ms  max ms  size KB  sha256 (first 16)  within targets\n');
let allWithin = true;
for (const version of versions) {
  const sources = publicSources(version);
  const first = await renderPublicPdf(version.policy, sources); // warm-up, discarded
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const bytes = await renderPublicPdf(version.policy, sources);
    times.push(performance.now() - start);
    if (pdfSha256(bytes) !== pdfSha256(first)) throw new Error(`v${version.version}: output differs between runs`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const kb = first.length / 1024;
  const within = median <= TARGET_MS && kb <= TARGET_KB;
  allWithin &&= within;
  process.stdout.write(
    `${version.version.padEnd(7)}  ${median.toFixed(1).padStart(9)}  ${times[0]!.toFixed(1).padStart(6)}  ${times.at(-1)!.toFixed(1).padStart(6)}  ${kb.toFixed(1).padStart(7)}  ${pdfSha256(first).slice(0, 16)}   ${within ? 'yes' : 'NO'}\n`,
  );
}
process.stdout.write(`\ntargets: <= ${TARGET_MS} ms, <= ${TARGET_KB} KB per version: ${allWithin ? 'met' : 'NOT met'}\n`);
