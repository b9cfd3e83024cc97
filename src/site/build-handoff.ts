/**
 * What src/build/build.ts hands to the Astro build it runs in the same process: its validation result, taken once
 * by the content loader instead of validating again. Astro bundles src/ into module instances of its own, so
 * a module-level variable would not be shared; a registered symbol on globalThis is.
 */
import type { Validation } from '../validate/validate.ts';

const KEY = Symbol.for('slapage.build-handoff.validation');
type Slot = { [KEY]?: Validation };

/** Called by the build script after validating `validation.dir`, right before it runs Astro. */
export function handOffValidation(validation: Validation): void {
  (globalThis as Slot)[KEY] = validation;
}

/** The handed-off validation of `dir`, once (a later sync, as in dev, validates afresh); undefined when there is none. */
export function takeValidation(dir: string): Validation | undefined {
  const slot = globalThis as Slot;
  const validation = slot[KEY];
  delete slot[KEY];
  return validation?.dir === dir ? validation : undefined;
}
