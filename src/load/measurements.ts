/**
 * The only code that reads content/measurements/: each *.json file is parsed, schema-checked and located
 * (problems carry file:line:column of the offending value), and each version is matched with the measurement
 * its page shows. The folder is `SLA_MEASUREMENTS_DIR`, else `content/measurements` beside the policy folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { applicableMeasurement, measuredOn, measurementSchema, type MeasurementFile } from '../model/measurement.ts';
import { loadDatedFiles } from './dated-json.ts';
import type { SourceFile } from './source-file.ts';

/** A valid measurement with its parsed file, for locating later findings. */
export interface LoadedMeasurement extends MeasurementFile {
  readonly source: SourceFile;
}

export interface MeasurementsLoad {
  /** Valid measurement files, ordered by name. */
  readonly files: LoadedMeasurement[];
  readonly problems: Problem[];
}

/** Where measurements live for a policy folder: `SLA_MEASUREMENTS_DIR`, else `<policy folder>/../content/measurements`. */
export function resolveMeasurementsDir(policyDir: string): string {
  return resolve(process.env.SLA_MEASUREMENTS_DIR ?? join(dirname(resolve(policyDir)), 'content', 'measurements'));
}

/** The gateway package's version beside the policy folder (`packages/gateway/package.json`), or null when there is none (fixtures). */
export function currentGatewayVersion(policyDir: string): string | null {
  const path = join(dirname(resolve(policyDir)), 'packages', 'gateway', 'package.json');
  if (!existsSync(path)) return null;
  const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
  return typeof version === 'string' ? version : null;
}

/** Reads every measurement file in `dir`; a missing folder means no measurements, not an error. */
export function loadMeasurements(dir: string): MeasurementsLoad {
  const { files, problems } = loadDatedFiles(dir, { schema: measurementSchema, code: 'measurement-invalid', what: 'a measurement', dateOf: measuredOn });
  return { files: files.map(({ file, data, source }) => ({ file, measurement: data, source })), problems };
}

/** For each version (oldest first, as `validatePolicy` returns them), the measurement its page shows, if any. */
export function measurementsByVersion<T extends MeasurementFile>(versions: readonly { version: string; policy: { meta: { updated: string } } }[], files: readonly T[]): Map<string, T> {
  const byVersion = new Map<string, T>();
  versions.forEach((v, i) => {
    const found = applicableMeasurement(files, versions[i + 1]?.policy.meta.updated);
    if (found) byVersion.set(v.version, found);
  });
  return byVersion;
}
