/** The build's validation is handed to the content loader once, and only for the folder it validated. */
import { describe, expect, it } from 'vitest';
import type { Validation } from '../validate/validate.ts';
import { handOffValidation, takeValidation } from './build-handoff.ts';

const validation: Validation = { dir: '/policy', versions: [], releases: {}, problems: [] };

describe('the build handoff', () => {
  it('is taken once; a later sync (dev) validates afresh', () => {
    handOffValidation(validation);
    expect(takeValidation('/policy')).toBe(validation);
    expect(takeValidation('/policy')).toBeUndefined();
  });

  it('is not used for another folder', () => {
    handOffValidation(validation);
    expect(takeValidation('/elsewhere')).toBeUndefined();
  });
});
