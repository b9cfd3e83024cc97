/** A whole project: its slapage.config.yaml (and brand files), then its policy through `validatePolicy` (cached by content: src/validate/validation-cache.ts). Problems of both, in that order. */
import type { Problem } from '../errors/catalog.ts';
import { loadProject, type Project, type ProjectPaths } from '../load/project.ts';
import type { Validation } from './validate.ts';
import { validateCached } from './validation-cache.ts';
import type { ValidateOptions } from './versions-check.ts';

export interface ProjectValidation {
  /** Undefined when the config has errors. */
  readonly project: Project | undefined;
  readonly validation: Validation | undefined;
  readonly problems: Problem[];
}

export function validateProject(paths: ProjectPaths, options: ValidateOptions = {}): ProjectValidation {
  const { project, problems } = loadProject(paths);
  const validation = validateCached(paths.policyDir, { measurementsDir: paths.measurementsDir, evidenceDir: paths.evidenceDir, ...options });
  return { project, validation, problems: [...problems, ...validation.problems] };
}
