/** Test helper: a CLI report without its warning blocks (a line with ": warning:", then hint and frame lines, then a blank line). */
export function withoutWarnings(report: string): string {
  return report
    .split(/\n\n/)
    .filter((block) => !/^\S+: warning: /.test(block))
    .join('\n\n');
}
