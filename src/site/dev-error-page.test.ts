import { expect, it } from 'vitest';
import type { Problem } from '../errors/catalog.ts';
import { devErrorPage, errorText } from './dev-error-page.ts';

const problem = { file: 'policy/1.0/uptime.yaml', line: 2, column: 17, code: 'invalid-type', severity: 'error', message: 'target_percent: expected a number, got text "<b>x</b>"', hint: 'write a bare number' } as Problem;

it('shows each problem located, with its hint, escaped, and no script', () => {
  const page = devErrorPage({ message: 'ignored', problems: [problem] });
  expect(page).toContain('policy/1.0/uptime.yaml:2:17: error: target_percent: expected a number, got text &quot;&lt;b&gt;x&lt;/b&gt;&quot; [invalid-type]\n  hint: write a bare number');
  expect(page).not.toContain('<b>');
  expect(page).not.toMatch(/<script/i);
});

it('shows a located error without problems by its message (a prose file)', () => {
  expect(errorText({ message: 'content/sections/uptime.mdx:1:1: unknown component <Foo>' })).toBe('content/sections/uptime.mdx:1:1: unknown component <Foo>');
});
