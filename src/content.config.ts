/**
 * The one content collection, `policy`: one entry per version (oldest first), loaded through `validatePolicy`,
 * the same path as `npm run validate`. Errors throw with file:line:col (build) or surface as the dev overlay.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { formatProblems } from './cli/format-problems.ts';
import { resolvePolicyDir } from './load/load-policy.ts';
import { loadMeasurements, measurementsByVersion, resolveMeasurementsDir } from './load/measurements.ts';
import { publishedMeasurement } from './site/measured-latency.ts';
import { publicSources } from './pdf/published.ts';
import { PolicyValidationError } from './site/policy-error.ts';
import { POLICY_ERROR_ID, type PolicyEntry } from './site/policy-entry.ts';
import { hasErrors, validatePolicy } from './validate/validate.ts';

function policyLoader(): Loader {
  return {
    name: 'sla-policy',
    load: async ({ store, logger, watcher }) => {
      const dir = resolvePolicyDir();
      const measurementsDir = resolveMeasurementsDir(dir);
      const sync = () => {
        const { versions, problems } = validatePolicy(dir);
        const warnings = problems.filter((p) => p.severity === 'warning');
        if (warnings.length > 0) logger.warn(formatProblems(warnings, 'text'));
        store.clear();
        if (hasErrors(problems)) {
          // In dev the server keeps running: pages rethrow this entry so the overlay shows the location.
          if (!watcher) throw new PolicyValidationError(problems, versions.length);
          store.set({ id: POLICY_ERROR_ID, data: { problems, versionCount: versions.length } });
          logger.error(new PolicyValidationError(problems, versions.length).message);
          return;
        }
        // validatePolicy has checked these files; a broken one is an error above, so only valid ones reach here.
        const measured = measurementsByVersion(versions, loadMeasurements(measurementsDir).files);
        versions.forEach((loaded, index) => {
          const { version, policy } = loaded;
          const measurement = publishedMeasurement(measured.get(version));
          const entry: PolicyEntry = { version, order: index, latest: index === versions.length - 1, policy, sources: publicSources(loaded), ...(measurement ? { measurement } : {}) };
          store.set({ id: version, data: { ...entry } });
        });
      };
      sync();
      if (watcher) {
        watcher.add(dir);
        watcher.add(measurementsDir);
        watcher.on('all', (_event, path) => {
          if (path.startsWith(dir) || path.startsWith(measurementsDir)) sync();
        });
      }
    },
  };
}

export const collections = {
  policy: defineCollection({ loader: policyLoader(), schema: z.record(z.string(), z.unknown()) }),
};
