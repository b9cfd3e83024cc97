/** Runs scenarios of the official MCP conformance suite (@modelcontextprotocol/conformance) against an MCP URL, one CLI process per scenario. */

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'] as const;

export interface ScenarioResult {
  scenario: string;
  exitCode: number | null;
  passed: boolean;
  output: string;
}

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js');

export function runScenario(url: string, scenario: string, timeoutMs = 30_000): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    // process.execPath: the repo's pinned Node, not whatever `node` is first on PATH.
    const child = spawn(process.execPath, [CLI, 'server', '--url', url, '--scenario', scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      // Passed only when the CLI exits 0 and reports no failures.
      const passed = exitCode === 0 && /Passed: (\d+)\/\1, 0 failed/.test(output);
      resolve({ scenario, exitCode, passed, output });
    });
  });
}

export function runScenarios(url: string, scenarios: readonly string[] = SCENARIOS): Promise<ScenarioResult[]> {
  return Promise.all(scenarios.map((s) => runScenario(url, s)));
}
