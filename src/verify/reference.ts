/**
 * Starts the reference gateway (packages/gateway, imported only when present) in front of the probe upstream: SQLite and
 * access-log day files in a temporary folder, which the payload check searches and close() removes. A vendor's project
 * does not have the package: then the answer says so, and verify asks for --gateway.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProbeUpstream } from './probe-upstream.ts';

export interface GatewayAbout {
  readonly name: string | null;
  readonly version: string | null;
  readonly commit: string | null;
  readonly dirty: boolean | null;
}

export interface Reference {
  readonly url: string;
  readonly adminKey: string;
  readonly dataDir: string;
  readonly about: GatewayAbout;
  close(): Promise<void>;
}

/** The verification integration of the reference gateway (also what a vendor's gateway must offer). */
export const VERIFY_INTEGRATION = 'mock-diagnostics';

export async function startReference(probe: ProbeUpstream): Promise<Reference | { missing: string }> {
  let gateway: typeof import('@slapage/gateway');
  try {
    gateway = await import('@slapage/gateway');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return { missing: 'the reference gateway (@slapage/gateway) is not installed in this project' };
    throw error;
  }
  const packageDir = dirname(dirname(fileURLToPath(import.meta.resolve('@slapage/gateway'))));
  const about = { name: '@slapage/gateway', version: gatewayVersion(packageDir), ...gitState(packageDir) };
  const dataDir = mkdtempSync(join(tmpdir(), 'slapage-verify-'));
  const adminKey = randomBytes(24).toString('hex');
  try {
    const started = await gateway.startGateway({
      adminKey,
      store: { kind: 'sqlite', dir: join(dataDir, 'store') },
      hmacKey: randomBytes(32),
      encryptionKey: randomBytes(32),
      logDir: join(dataDir, 'logs'),
      integrations: [{ file: gateway.MOCK_DIAGNOSTICS_PATH, baseUrl: probe.baseUrl }],
      allowPrivateNetworks: ['127.0.0.1/32'],
      ...(about.commit ? { commit: about.commit } : {}),
      onError: () => {},
    });
    return {
      url: started.url,
      adminKey,
      dataDir,
      about,
      async close() {
        await started.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function gatewayVersion(packageDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** The commit the package's working tree is at, and whether its files have uncommitted changes; nulls outside git. */
function gitState(packageDir: string): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['-C', packageDir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['-C', packageDir, 'status', '--porcelain', '--', '.'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}
