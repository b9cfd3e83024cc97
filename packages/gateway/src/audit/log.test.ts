import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessLog, type LogRecord } from './log.ts';

describe('AccessLog', () => {
  it('writes one JSON line of metadata per request, batched after the current turn', async () => {
    const chunks: string[] = [];
    const log = new AccessLog((c) => chunks.push(c));
    log.record(Date.UTC(2026, 0, 1), 'tenant-a', 'get_contact', 'tools/call', 200, 0.12345, 'req-1');
    log.record(Date.UTC(2026, 0, 1), null, null, null, 401, 0.05, 'req-2');
    expect(chunks).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toHaveLength(1);
    const lines = chunks[0]!.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { timestamp: '2026-01-01T00:00:00.000Z', tenant: 'tenant-a', tool: 'get_contact', method: 'tools/call', status: 200, latency_ms: 0.123, request_id: 'req-1' },
      { timestamp: '2026-01-01T00:00:00.000Z', tenant: null, tool: null, method: null, status: 401, latency_ms: 0.05, request_id: 'req-2' },
    ]);
    expect(Object.keys(lines[0])).toEqual(['timestamp', 'tenant', 'tool', 'method', 'status', 'latency_ms', 'request_id']);
  });

  it('writes exactly what JSON.stringify would for any tenant, request id, time and latency', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'binary' })),
        fc.string({ unit: 'binary' }),
        fc.integer({ min: 0, max: 8.64e15 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (tenant, requestId, at, latency) => {
          const chunks: string[] = [];
          const log = new AccessLog((c) => chunks.push(c));
          log.record(at, tenant, 'get_contact', null, 429, latency, requestId);
          log.flush();
          const record: LogRecord = { timestamp: new Date(at).toISOString(), tenant, tool: 'get_contact', method: null, status: 429, latency_ms: Math.round(latency * 1000) / 1000, request_id: requestId };
          expect(chunks).toEqual([JSON.stringify(record) + '\n']);
        },
      ),
    );
  });
});

describe('access-log day files and their retention', () => {
  it('writes batches to the day file of their writing and deletes whole days past retention', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { directorySink, purgeLogFiles } = await import('./log.ts');
    const dir = mkdtempSync(join(tmpdir(), 'slapage-logs-'));
    try {
      let now = Date.UTC(2026, 2, 31, 23, 59);
      const sink = directorySink(dir, () => now);
      sink('{"a":1}\n');
      now = Date.UTC(2026, 3, 1, 0, 1);
      sink('{"b":2}\n');
      writeFileSync(join(dir, 'unrelated.txt'), 'kept');
      expect(readdirSync(dir).sort()).toEqual(['access-2026-03-31.jsonl', 'access-2026-04-01.jsonl', 'unrelated.txt']);
      expect(readFileSync(join(dir, 'access-2026-04-01.jsonl'), 'utf8')).toBe('{"b":2}\n');
      // 30 days of retention on 2026-05-01 00:00: the cutoff is 2026-04-01 00:00, so only March 31 has wholly passed.
      const before = Date.UTC(2026, 4, 1) - 30 * 24 * 3600_000;
      expect(purgeLogFiles(dir, before)).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(['access-2026-04-01.jsonl', 'unrelated.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
