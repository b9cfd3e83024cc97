import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { callTool, request, rpc } from './helpers.ts';

const DEMO = fileURLToPath(new URL('../scripts/demo.ts', import.meta.url));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run gateway:demo', () => {
  it('prints an MCP URL that serves the read-only demo server, and stops cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [DEMO], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GATEWAY_PORT: '0' } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('demo printed no URL:\n' + out)), 15_000);
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /MCP URL: (http:\/\/127\.0\.0\.1:\d+\/mcp\/mcp_[A-Za-z0-9_-]{43})\n/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`demo exited early (${code}):\n${out}`)));
    });
    const tools = await rpc(url, request('tools/list'));
    expect(tools.json.result.tools.map((t: { name: string }) => t.name)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
    const contact = await callTool(url, 'get_contact', { contact_id: 'c_2' });
    expect(JSON.parse(contact.json.result.content[0].text)).toMatchObject({ name: 'Grace Hopper' });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
