/**
 * Committed latency objectives against committed measurements: a measured percentile of the gateway's added time
 * above its objective is an error located at the objective in latency.yaml (every version, against the measurement
 * its page shows); for the latest version, a measurement taken more than 90 days before `updated`, or on another
 * gateway version, is a warning located in the measurement file; none at all is a warning at the objectives.
 */
import type { Problem } from '../errors/catalog.ts';
import { loadMeasurements, measurementsByVersion } from '../load/measurements.ts';
import { measuredOn } from '../model/measurement.ts';
import type { VersionsCheck } from './versions-check.ts';
import { daysBetween } from '../model/dates.ts';

/** A measurement older than this, counted back from the version's `updated` date, is stale. */
export const MEASUREMENT_MAX_AGE_DAYS = 90;

const PERCENTILES = ['p50_ms', 'p95_ms', 'p99_ms'] as const;

export const checkMeasurements: VersionsCheck = (versions, { measurementsDir, gatewayVersion = null }) => {
  if (measurementsDir === undefined) return [];
  const { files, problems } = loadMeasurements(measurementsDir);
  const applicable = measurementsByVersion(versions, files);
  versions.forEach((version, index) => {
    const found = applicable.get(version.version);
    const latency = version.files.latency;
    // Only the latest version is asked for one: archived versions stay as they were published.
    if (!found && latency && index === versions.length - 1 && (version.policy.latency.objectives?.length ?? 0) > 0) {
      problems.push(latency.problemAtPath(['objectives'], 'measurement-missing', { version: version.version }, 'key'));
    }
    if (!found || !latency) return;
    const { measurement } = found;
    (version.policy.latency.objectives ?? []).forEach((objective, i) => {
      const measured = measurement.operations.find((o) => o.operation === objective.operation);
      if (!measured) return;
      for (const key of PERCENTILES) {
        if (measured[key] <= objective[key]) continue;
        problems.push(
          latency.problemAtPath(['objectives', i, key], 'measurement-exceeds-objective', {
            operation: objective.operation,
            percentile: key.slice(0, 3).toUpperCase(),
            committed: objective[key],
            objectives: latency.path,
            measured: measured[key],
            measurement: found.file,
          }),
        );
      }
    });
    if (index !== versions.length - 1) return;
    const days = daysBetween(measuredOn(measurement), version.policy.meta.updated);
    if (days > MEASUREMENT_MAX_AGE_DAYS) problems.push(found.source.problemAtPath(['taken_at'], 'measurement-stale', { measurement: found.file, days, version: version.version, limit: MEASUREMENT_MAX_AGE_DAYS }));
    const measuredGateway = measurement.provenance.gateway_version;
    if (gatewayVersion !== null && measuredGateway !== gatewayVersion) {
      problems.push(found.source.problemAtPath(['provenance', 'gateway_version'], 'measurement-other-gateway', { measurement: found.file, measured: measuredGateway, current: gatewayVersion }));
    }
  });
  return problems satisfies Problem[];
};
