/**
 * The one content collection, `policy`: one entry per version (oldest first), loaded through `validatePolicy`,
 * the same path as `npm run validate`. Errors throw with file:line:col (build) or surface as the dev overlay.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { formatProblems } from './cli/format-problems.ts';
import { resolvePolicyDir } from './load/load-policy.ts';
import { resolveMeasurementsDir } from './load/measurements.ts';
import { takeValidation } from './site/build-handoff.ts';
import { policyEntries } from './site/policy-entries.ts';
import { PolicyValidationError } from './site/policy-error.ts';
import { POLICY_ERROR_ID } from './site/policy-entry.ts';
import { hasErrors, validatePolicy } from './validate/validate.ts';

function policyLoader(): Loader {
  return {
    name: 'sla-policy',
    load: async ({ store, logger, watcher }) => {
      const dir = resolvePolicyDir();
      const measurementsDir = resolveMeasurementsDir(dir);
      const sync = () => {
        // scripts/build.ts has just validated the same folder in this process: its result is used once, not redone.
        const { versions, problems } = takeValidation(dir) ?? validatePolicy(dir);
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
        for (const entry of policyEntries(versions, measurementsDir)) store.set({ id: entry.version, data: { ...entry } });
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
