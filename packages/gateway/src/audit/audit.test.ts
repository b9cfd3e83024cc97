import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, toCefLine, toJsonLine, verifyChain, type AuditRecord } from './audit.ts';

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let id = 1; id <= n; id++) {
    const r: AuditRecord = {
      id,
      at: Date.UTC(2026, 0, 1) + id,
      actor_role: 'owner',
      actor_key_id: 'k',
      action: 'server.create',
      target: 'srv_' + id,
      outcome: 'success',
      status: 201,
      address: '127.0.0.1',
      prev_hash: out.at(-1)?.hash ?? GENESIS_HASH,
      hash: '',
    };
    r.hash = chainHash(r);
    out.push(r);
  }
  return out;
}

describe('hash chain', () => {
  it('verifies an intact chain and names the first edited, removed or reordered record', () => {
    expect(verifyChain(chain(4), null)).toEqual({ ok: true, records: 4, first_bad: null });
    const edited = chain(4);
    edited[2]!.outcome = 'denied';
    expect(verifyChain(edited, null)).toEqual({ ok: false, records: 4, first_bad: 3 });
    const rehashed = chain(4);
    rehashed[1]!.target = 'srv_other';
    rehashed[1]!.hash = chainHash(rehashed[1]!);
    // Recomputing the edited record's own hash breaks the next link instead.
    expect(verifyChain(rehashed, null).first_bad).toBe(3);
    const removed = chain(4);
    removed.splice(1, 1);
    expect(verifyChain(removed, null).first_bad).toBe(3);
    expect(verifyChain([], null)).toEqual({ ok: true, records: 0, first_bad: null });
  });
});

describe('exports', () => {
  it('JSON lines carry RFC 3339 times', () => {
    expect(JSON.parse(toJsonLine(chain(1)[0]!))).toMatchObject({ id: 1, at: '2026-01-01T00:00:00.001Z' });
  });

  it('CEF escapes pipes and backslashes in the header, and equals, backslashes and line breaks in extensions', () => {
    const r = { ...chain(1)[0]!, action: 'odd|action\\x', target: 'a=b\\c\nd\re' };
    const line = toCefLine(r);
    expect(line).toBe(
      'CEF:0|slapage|mcp-gateway|0.1.0|odd\\|action\\\\x|odd\\|action\\\\x success|3|' +
        `rt=${r.at} externalId=1 outcome=success src=127.0.0.1 suser=owner suid=k cs1Label=target cs1=a\\=b\\\\c\\nd\\re cn1Label=status cn1=201 cs2Label=hash cs2=${r.hash}\n`,
    );
  });
});
