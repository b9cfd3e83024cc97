import { expect, it } from 'vitest';
import { validatePolicy } from '../validate/validate.ts';
import { PolicyValidationError } from './policy-error.ts';

it('carries the same file:line:col text as npm run validate, and a loc for the overlay', () => {
  const { problems, versions } = validatePolicy('tests/fixtures/site-invalid');
  const error = new PolicyValidationError(problems, versions.length);
  expect(error.message).toMatchInlineSnapshot(`
    "The policy has errors (same as \`slapage validate\`):

    tests/fixtures/site-invalid/1.0/uptime.yaml:2:17: error: target_percent: must be less than 100, got 100.5 [out-of-range]
      hint: allowed: greater than 0 and less than 100 (percent)

    ✗ 1 error, 0 warnings; 0 versions valid"
  `);
  expect(error.loc).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  expect(error.loc?.file).toMatch(/tests\/fixtures\/site-invalid\/1\.0\/uptime\.yaml$/);
});
