/** `slapage verify [--gateway URL --admin-key KEY] [--version X.Y]`: runs every executable check of the claims registry against a gateway, prints one line per failure, writes the evidence file; exit 0 all hold, 1 any failed, 2 usage. */
import { relative, resolve } from 'node:path';
import { resolveProject } from '../load/project.ts';
import { ERA_CHOICES, type EraChoice } from '../measure/mcp-client.ts';
import { parse, projectOptions, UsageError } from './args.ts';

export const usage = `usage: slapage verify [--gateway URL --admin-key KEY] [--version X.Y] [--project DIR] [--policy DIR]
                      [--probe HOST:PORT] [--integration NAME] [--era auto|2026-07-28|2025-11-25|2025-06-18] [--dry-run]

Checks every claim of a policy version that a request can test (token lifetime cap, one uniform 401, filters
enforced on call, 429 pass-through, tenant isolation, no payload retention, audit trail, ...) against a gateway,
and writes the evidence to content/evidence/<date>.json in the project (not with --dry-run).

  --version X.Y        the version to check (default: the latest, draft or not)
  --gateway URL        a gateway implementing the reference admin API (default: start packages/gateway locally)
  --admin-key KEY      its admin key, owner or admin role (or $SLAPAGE_ADMIN_KEY)
  --probe HOST:PORT    where the probe upstream listens (with --gateway; default 127.0.0.1:8790): the gateway's
                       verification integration must use http://HOST:PORT/api/v1 as its base URL
  --integration NAME   that integration's name (default mock-diagnostics)
  --era VERSION        the MCP protocol version to speak: 2026-07-28 (stateless), 2025-11-25 or 2025-06-18
                       (initialize handshake), or auto (default): server/discover first, initialize if the
                       gateway answers as a 2025 server; the evidence records the version used

What a gateway must implement to be verified (admin API, verification integration, probe upstream) is in
docs/verify.md of the installed slapage package (node_modules/slapage/docs/verify.md).
Exit status: 0 every check holds, 1 a check failed (one line each: policy file:line, the claim, what the gateway
did) or the gateway could not be verified, 2 usage error.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      ...projectOptions,
      version: { type: 'string' },
      gateway: { type: 'string' },
      'admin-key': { type: 'string' },
      probe: { type: 'string' },
      integration: { type: 'string' },
      era: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const adminKey = values['admin-key'] ?? process.env.SLAPAGE_ADMIN_KEY;
  if (values.gateway !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(values.gateway)) throw new UsageError(`--gateway must be an http(s) URL, got ${JSON.stringify(values.gateway)}`);
    if (!adminKey) throw new UsageError('--gateway needs --admin-key KEY (or $SLAPAGE_ADMIN_KEY): verify provisions servers through the admin API');
  }
  const era = parseEra(values.era);
  const probeAt = parseListen(values.probe ?? (values.gateway === undefined ? '127.0.0.1:0' : '127.0.0.1:8790'));

  const paths = resolveProject({ project: values.project, policy: values.policy });
  const { loadPolicy } = await import('../load/load-policy.ts');
  const { formatProblems } = await import('../errors/format.ts');
  const loaded = loadPolicy(paths.policyDir);
  const folders = loaded.folders;
  const wanted = values.version ?? folders.at(-1);
  if (wanted === undefined || !folders.includes(wanted)) {
    if (folders.length === 0) {
      process.stderr.write(formatProblems(loaded.problems, 'text') + '\n');
      return 1;
    }
    throw new UsageError(`no version ${JSON.stringify(wanted)} in ${relative(process.cwd(), paths.policyDir) || '.'}; versions: ${folders.join(', ')}`);
  }
  const version = loaded.versions.find((v) => v.version === wanted);
  if (!version) {
    process.stderr.write(formatProblems(loaded.problems.filter((p) => p.severity === 'error'), 'text') + `\n\nversion ${wanted} has errors: fix them before verifying it\n`);
    return 1;
  }

  const { startProbeUpstream } = await import('../verify/probe-upstream.ts');
  const { AdminClient, GatewayUnreachable } = await import('../verify/http.ts');
  const { VerifySetupError } = await import('../verify/context.ts');
  const { runChecks } = await import('../verify/run.ts');
  const { startReference, VERIFY_INTEGRATION } = await import('../verify/reference.ts');
  const { toEvidence, writeEvidence } = await import('../verify/evidence-file.ts');
  const { describeEra } = await import('../measure/mcp-client.ts');

  let probe;
  try {
    probe = await startProbeUpstream(probeAt);
  } catch (error) {
    process.stderr.write(`cannot listen on ${probeAt.host}:${probeAt.port} for the probe upstream (${(error as { code?: string }).code ?? (error as Error).message}); choose another with --probe HOST:PORT\n`);
    return 1;
  }
  let reference: Awaited<ReturnType<typeof startReference>> | undefined;
  try {
    let target: { url: string; key: string; kind: 'reference' | 'remote'; dataDir?: string };
    if (values.gateway === undefined) {
      reference = await startReference(probe);
      if ('missing' in reference) {
        process.stderr.write(`${reference.missing}: verify your own gateway with --gateway URL --admin-key KEY (see --help)\n`);
        return 2;
      }
      target = { url: reference.url, key: reference.adminKey, kind: 'reference', dataDir: reference.dataDir };
    } else {
      target = { url: values.gateway, key: adminKey!, kind: 'remote' };
    }
    const admin = new AdminClient(target.url, target.key);
    const about = target.kind === 'reference' && reference && !('missing' in reference) ? reference.about : await remoteAbout(admin);
    process.stdout.write(`verifying ${about.name ?? 'gateway'} ${about.version ?? ''} at ${target.url} against ${relative(process.cwd(), version.dir) || version.dir}\n`.replace(/ {2,}/g, ' '));
    let protocolVersion: string | undefined;
    const onSession = (session: import('../measure/mcp-client.ts').McpSession) => {
      protocolVersion = session.version;
      process.stdout.write(`speaking MCP ${describeEra(session)}\n`);
    };
    const results = await runChecks({ admin, probe, version, integration: values.integration ?? VERIFY_INTEGRATION, era, onSession, ...(target.dataDir ? { dataDir: target.dataDir } : {}) });
    // Locations relative to the project, so evidence files read the same wherever verify ran.
    const located = results.map((r) => ({ ...r, file: relative(paths.root, resolve(r.file)) }));
    for (const r of results) {
      if (r.status === 'fail') process.stdout.write(`${r.file}:${r.line}: ${r.claim}: the gateway ${r.did} [${r.id}]\n`);
    }
    const passed = located.filter((r) => r.status === 'pass').length;
    const failed = located.filter((r) => r.status === 'fail').length;
    const skipped = located.length - passed - failed;
    process.stdout.write(`${failed === 0 ? '✓' : '✗'} ${passed} of ${passed + failed} checks hold${skipped > 0 ? ` (${skipped} not applicable: the policy does not make their claim)` : ''}\n`);
    if (!values['dry-run']) {
      const file = writeEvidence(paths.evidenceDir, toEvidence(located, { version: version.version, target: target.kind, about, takenAt: new Date(), ...(protocolVersion ? { protocolVersion } : {}) }));
      process.stdout.write(`evidence written to ${file}\n`);
    }
    return failed === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof GatewayUnreachable || error instanceof VerifySetupError) {
      process.stderr.write(`cannot verify: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    if (reference && !('missing' in reference)) await reference.close();
    await probe.close();
  }
}

/** --era: a protocol version slapage speaks, or auto. Shared by verify, measure and probe. */
export function parseEra(text: string | undefined): EraChoice {
  if (text === undefined) return 'auto';
  if ((ERA_CHOICES as readonly string[]).includes(text)) return text as EraChoice;
  throw new UsageError(`--era must be one of ${ERA_CHOICES.join(', ')}, got ${JSON.stringify(text)}`);
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(text);
  if (!match || Number(match[2]) > 65535) throw new UsageError(`--probe must be HOST:PORT, got ${JSON.stringify(text)}`);
  return { host: match[1]!, port: Number(match[2]) };
}

/** What a remote gateway says about itself (GET /admin/about); unknown fields stay null. */
async function remoteAbout(admin: import('../verify/http.ts').AdminClient): Promise<import('../verify/reference.ts').GatewayAbout> {
  const r = await admin.call('GET', '/admin/about');
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const about = r.json as { commit?: unknown; name?: unknown; version?: unknown } | undefined;
  const commit = s(about?.commit);
  return { name: s(about?.name), version: s(about?.version), commit: commit && /^[0-9a-f]{7,40}$/.test(commit) ? commit : null, dirty: null };
}
