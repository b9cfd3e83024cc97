/** Builds the site once for a browser suite, with the real `npm run build` script, into a temporary folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Returns the built folder; rejects with the build's output when it fails. */
export function buildSite(policy: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'site-e2e-')), 'dist');
  return new Promise((done, fail) => {
    execFile(process.execPath, ['src/cli/main.ts', 'build', '--policy', policy, '--out', out], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      error ? fail(new Error(`build failed:\n${stdout}\n${stderr}`)) : done(out),
    );
  });
}
