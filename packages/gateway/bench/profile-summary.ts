/** Summarises a V8 .cpuprofile (from `npm run measure -- --profile DIR`): self time by function and by file, top entries. Usage: node profile-summary.ts FILE [N]. */

import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const [file, count = '30'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary.ts FILE [N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[] };
const total = profile.samples.length;
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const n of profile.nodes) {
  const name = n.callFrame.functionName || '(anonymous)';
  const url = n.callFrame.url.replace(/^.*\/(node_modules|packages)\//, '$1/').replace(/^node:/, 'node:') || (idle.has(name) ? name : '(native)');
  byFunction.set(`${name}  ${url}:${n.callFrame.lineNumber + 1}`, (byFunction.get(`${name}  ${url}:${n.callFrame.lineNumber + 1}`) ?? 0) + n.hitCount);
  byFile.set(url, (byFile.get(url) ?? 0) + n.hitCount);
}
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count))
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
process.stdout.write(`${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s\n\nby file:\n${top(byFile)}\n\nby function:\n${top(byFunction)}\n`);
