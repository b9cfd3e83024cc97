/**
 * `validatePolicy`, remembered for the process by the content of everything it reads: the policy folder (with its
 * release lock), the measurements, evidence and uptime folders, the gateway version and today's date. `slapage build`
 * validates, then the pages it renders validate the same folder: they get the same result without parsing again.
 * A cache, not a hand-off between stages: a hit is exactly what validating again would return, and any edit misses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { resolveEvidenceDir } from '../load/evidence.ts';
import { currentGatewayVersion, resolveMeasurementsDir } from '../load/measurements.ts';
import { resolveUptimeDir } from '../load/uptime/load-uptime.ts';
import { today, validatePolicy, type Validation } from './validate.ts';
import type { ValidateOptions } from './versions-check.ts';

type Entry = { readonly key: string; readonly validation: Validation };
// Process-wide (a registered symbol on globalThis), as the PDF cache in src/pdf/published.ts: Astro bundles src/ into
// module instances of its own. One entry per policy folder, so a dev session does not grow it.
const CACHE = Symbol.for('slapage.validations');
const cache = ((globalThis as { [CACHE]?: Map<string, Entry> })[CACHE] ??= new Map<string, Entry>());

/** The validation of `dir` with `options`, from the cache when none of its inputs changed. */
export function validateCached(dir: string, options: ValidateOptions = {}): Validation {
  const key = inputsKey(dir, options);
  const hit = cache.get(resolve(dir));
  if (hit?.key === key) return hit.validation;
  const validation = validatePolicy(dir, options);
  cache.set(resolve(dir), { key, validation });
  return validation;
}

/** SHA-256 over the inputs validatePolicy resolves (its defaults included) and every file it may read. */
function inputsKey(dir: string, options: ValidateOptions): string {
  const hash = createHash('sha256');
  const measurements = options.measurementsDir ?? resolveMeasurementsDir(dir);
  const evidence = options.evidenceDir ?? resolveEvidenceDir(dir);
  const uptime = options.uptimeDir ?? resolveUptimeDir(dir);
  const gateway = options.gatewayVersion === undefined ? currentGatewayVersion(dir) : options.gatewayVersion;
  hash.update(JSON.stringify([options.today ?? today(), gateway, resolve(dir), resolve(measurements), resolve(evidence), resolve(uptime)]));
  for (const folder of [dir, measurements, evidence, uptime]) {
    for (const file of filesUnder(folder)) hash.update(`\0${relative(folder, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
