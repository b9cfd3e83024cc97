/**
 * The page the dev server serves (status 500) instead of a stale one when the project has an error: each problem
 * located (file:line:column), its hint and its source lines, escaped, with no JavaScript (Vite's overlay needs it).
 * The terminal gets the same text without the markup.
 */
import type { Problem } from '../errors/catalog.ts';
import { formatProblems } from '../errors/format.ts';

/** An error thrown while rendering: validation problems (PolicyValidationError), a located prose error, anything else. */
export interface RenderError {
  readonly message: string;
  readonly problems?: readonly Problem[];
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The error as the terminal shows it: the located problems as `slapage validate` prints them, never a stack trace. */
export function errorText(error: RenderError): string {
  if (error.problems && error.problems.length > 0) return formatProblems(error.problems, 'text');
  return error.message;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function devErrorPage(error: RenderError): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>slapage: the project has an error</title>',
    '<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:1rem;overflow-x:auto}</style>',
    '</head><body><main>',
    '<h1>The project has an error</h1>',
    '<p>The page is not shown until this is fixed; it reloads when a file changes.</p>',
    `<pre id="slapage-error">${escape(errorText(error))}</pre>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
