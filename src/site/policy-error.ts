/** Turns validation problems into the Error the content loader throws: the CLI's text plus a `loc` Astro's overlay and build log show. */
import { resolve } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { formatProblems, summary } from '../errors/format.ts';

export class PolicyValidationError extends Error {
  override name = 'PolicyValidationError';
  /** Where the first error is; Astro reads `loc`, `hint` and `frame` for its error overlay. */
  loc: { file: string; line: number; column: number } | undefined;
  hint: string | undefined;
  frame: string | undefined;
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], versions: number) {
    const errors = problems.filter((p) => p.severity === 'error');
    // Frames stay out of the message: Astro guesses hints from words in it, and policy lines say "window".
    const text = formatProblems(errors.map(({ frame: _frame, ...rest }) => rest), 'text');
    super(`The policy has errors (same as \`slapage validate\`):\n\n${text}\n\n${summary(problems, versions)}`);
    this.problems = errors;
    const first = errors[0];
    this.loc = first && first.line > 0 ? { file: resolve(first.file), line: first.line, column: first.column } : undefined;
    this.hint = first?.hint;
    this.frame = first?.frame;
  }
}
