/** The engine as a vendor gets it: `npm pack` of this repository, installed with npm into a temporary project. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

// The pinned Node first on PATH, as a vendor's Node >= 22.12 would be; npm itself is whatever npm runs this suite.
export const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, SLA_TODAY: '2026-06-01', ASTRO_TELEMETRY_DISABLED: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
// Vitest's own settings (NODE_ENV=test, VITEST*) are not a vendor's: Astro's dev server serves nothing under NODE_ENV=test.
for (const key of Object.keys(env)) if (key === 'SLA_POLICY_DIR' || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];

/** Packs the engine into `dir`; returns the tarball's path. */
export function packEngine(dir: string): string {
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, env, stdio: 'pipe' });
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
}

/** `npm install` of `specs` (the tarball, registry packages) into the project at `dir`. */
export function install(dir: string, specs: readonly string[]): void {
  // --prefer-offline: the dependencies come from npm's cache when this machine has installed them before.
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], { cwd: dir, env, stdio: 'pipe' });
}
