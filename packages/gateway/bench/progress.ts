/** A one-line progress display on stderr: redrawn in place on a terminal, a line per 25% otherwise. */

import type { Progress } from './load.ts';

export function progressBar(label: string): Progress {
  const tty = process.stderr.isTTY === true;
  let lastQuarter = -1;
  return (done, total) => {
    const fraction = total === 0 ? 1 : done / total;
    if (tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(`\r${label.padEnd(34)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`);
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const quarter = Math.floor(fraction * 4);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      process.stderr.write(`${label.padEnd(34)} ${quarter * 25}%\n`);
    }
  };
}
