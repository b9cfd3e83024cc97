import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../validate/validate.ts';
import { changelogView } from './changelog.ts';

const policies = validatePolicy(resolve(import.meta.dirname, '../../policy'), { today: '2026-05-15' }).versions.map((v) => v.policy);

describe('changelogView', () => {
  const view = changelogView(policies);

  it('lists versions newest first with their anchors, dates and notice status', () => {
    expect(view.map(({ version, anchor, href, updated, effective, compared, noticeStatus, noticeOk }) => ({ version, anchor, href, updated, effective, compared, noticeStatus, noticeOk })))
      .toMatchInlineSnapshot(`
        [
          {
            "anchor": "v3-2",
            "compared": true,
            "effective": "2026-06-15",
            "href": "/v/3.2/",
            "noticeOk": true,
            "noticeStatus": "1 material change; 31 days of notice given, 30 days required",
            "updated": "2026-05-15",
            "version": "3.2",
          },
          {
            "anchor": "v3-1",
            "compared": true,
            "effective": "2026-02-26",
            "href": "/v/3.1/",
            "noticeOk": true,
            "noticeStatus": "1 material change; 45 days of notice given, 30 days required",
            "updated": "2026-01-12",
            "version": "3.1",
          },
          {
            "anchor": "v3-0",
            "compared": false,
            "effective": "2025-09-01",
            "href": "/v/3.0/",
            "noticeOk": true,
            "noticeStatus": undefined,
            "updated": "2025-09-01",
            "version": "3.0",
          },
        ]
      `);
  });

  it('groups changes weaker, stronger, other, each linked to its section in that version', () => {
    const [v32] = view;
    expect(v32!.groups.map((g) => [g.title, g.changes.map((c) => `${c.material ? '[material] ' : ''}${c.summary} -> ${c.href}`)])).toMatchInlineSnapshot(`
      [
        [
          "Weaker for customers",
          [
            "[material] Sub-processor added: Signalpost Observability AB -> /v/3.2/#subprocessors",
          ],
        ],
        [
          "Stronger for customers",
          [
            "p50 latency objective for tools/call lowered from 5 ms to 4 ms -> /v/3.2/#latency",
            "p95 latency objective for tools/call lowered from 12 ms to 10 ms -> /v/3.2/#latency",
            "p50 latency objective for rate-limit-passthrough lowered from 5 ms to 4 ms -> /v/3.2/#latency",
            "p95 latency objective for rate-limit-passthrough lowered from 12 ms to 10 ms -> /v/3.2/#latency",
            "p99 latency objective for rate-limit-passthrough lowered from 25 ms to 20 ms -> /v/3.2/#latency",
            "Rate-limit header added: ratelimit-policy -> /v/3.2/#rate-limits",
            "Rate-limit header added: ratelimit -> /v/3.2/#rate-limits",
            "Status of ISO/IEC 27001:2022 changed from in-progress to certified -> /v/3.2/#compliance",
            "Report availability of ISO/IEC 27001:2022 changed from none to on-request -> /v/3.2/#compliance",
            "Breach notification time lowered from 72 hours to 48 hours -> /v/3.2/#incidents",
          ],
        ],
        [
          "Other changes",
          [
            "Rate-limit statement reworded -> /v/3.2/#rate-limits",
            "Report date of SOC 2 Type II changed from 2025-02-27 to 2026-02-28 -> /v/3.2/#compliance",
            "Report date of ISO/IEC 27001:2022 added: 2026-04-02 -> /v/3.2/#compliance",
          ],
        ],
      ]
    `);
  });
});
