import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, 'main.ts');
const slapage = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the command dispatcher', () => {
  it('an unknown command exits 2 with a "did you mean" and the commands', () => {
    const result = slapage('valdate');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n\n')[0]).toMatchInlineSnapshot(`
      "slapage: error: unknown command \`valdate\` [unknown-command]
        hint: did you mean \`validate\`? the commands are listed below"
    `);
    expect(result.stderr).toContain('usage: slapage <command> [options]');
  });

  it('suggests nothing for a word far from every command', () => {
    const result = slapage('xyzzy-frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('did you mean');
    expect(result.stderr).toContain('unknown command `xyzzy-frobnicate`');
  });
});
