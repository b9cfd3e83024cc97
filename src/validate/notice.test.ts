import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from './validate.ts';

const fixture = (name: string) => resolve(import.meta.dirname, '../../tests/fixtures', name);
const noticeProblems = (dir: string) =>
  validatePolicy(dir, { today: '2026-05-15' })
    .problems.filter((p) => p.code === 'notice-too-short')
    .map((p) => ({ at: `${p.file.replace(/^.*tests\/fixtures\//, '')}:${p.line}:${p.column}`, message: p.message, hint: p.hint }));

describe('notice check', () => {
  it('fails a weakened uptime target published with too little notice, at the uptime value', () => {
    expect(noticeProblems(fixture('notice-uptime'))).toMatchInlineSnapshot(`
      [
        {
          "at": "notice-uptime/1.1/uptime.yaml:2:17",
          "hint": "set effective: "2026-06-14" or later in meta.yaml, or keep the previous commitment",
          "message": "Uptime target lowered from 99.99% to 99.95%: takes effect 2026-05-29, 14 days after publication, but changes.material_change_notice_days of version 1.0 requires 30 days of notice; the earliest allowed effective date is 2026-06-14",
        },
      ]
    `);
  });

  it('fails a new sub-processor published with too little notice, at the new entry', () => {
    expect(noticeProblems(fixture('notice-subprocessor'))).toMatchInlineSnapshot(`
      [
        {
          "at": "notice-subprocessor/1.1/subprocessors.yaml:19:5",
          "hint": "set effective: "2026-06-14" or later in meta.yaml, or keep the previous commitment",
          "message": "Sub-processor added: Signalpost Observability AB: takes effect 2026-05-29, 14 days after publication, but subprocessors.notice_days of version 1.0 requires 30 days of notice; the earliest allowed effective date is 2026-06-14",
        },
      ]
    `);
  });

  it('passes the example policy, whose material changes got their notice', () => {
    expect(noticeProblems(resolve(import.meta.dirname, '../../policy'))).toEqual([]);
  });
});
