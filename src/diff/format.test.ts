import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/policy.ts';
import { validatePolicy } from '../validate/validate.ts';
import { comparePolicies } from './comparison.ts';
import { code, formatComparison, md } from './format.ts';

const load = (dir: string) => validatePolicy(dir, { today: '2026-05-15' }).versions.map<Policy>((v) => v.policy);
const [v30, v31] = load(resolve(import.meta.dirname, '../../policy'));
const [f10, f11] = load(resolve(import.meta.dirname, '../../tests/fixtures/notice-uptime'));

describe('markdown, as a pull-request comment shows it', () => {
  it('groups weaker (material first), stronger, neutral, with the notice status', () => {
    expect(formatComparison(comparePolicies(v30!, v31!), 'markdown')).toMatchInlineSnapshot(`
      "### Policy changes: 3.0 → 3.1

      Version 3.1 is published 2026-01-12 and takes effect 2026-02-26.

      ✅ **Notice**: 1 material change; 45 days of notice given, 30 days required.

      #### Weaker (1)

      | Change | Path | Notice |
      | --- | --- | --- |
      | **Material:** Credit claim window lowered from 60 days to 30 days | \`credits.claim_window_days\` | ✅ 45 ≥ 30 days |

      #### Stronger (9)

      | Change | Path | Notice |
      | --- | --- | --- |
      | Uptime target raised from 99.9% to 99.95% | \`uptime.target_percent\` |  |
      | p95 latency objective for tools/call lowered from 15 ms to 12 ms | \`latency.objectives[operation=tools/call].p95_ms\` |  |
      | p99 latency objective for tools/call lowered from 30 ms to 20 ms | \`latency.objectives[operation=tools/call].p99_ms\` |  |
      | p95 latency objective for rate-limit-passthrough lowered from 15 ms to 12 ms | \`latency.objectives[operation=rate-limit-passthrough].p95_ms\` |  |
      | p99 latency objective for rate-limit-passthrough lowered from 30 ms to 25 ms | \`latency.objectives[operation=rate-limit-passthrough].p99_ms\` |  |
      | Metadata retention lowered from 90 days to 30 days | \`retention.metadata.retention_days\` |  |
      | Credit tier added: 10% credit when uptime is below 99.95% (no credit there before) | \`credits.tiers[below_percent=99.95]\` |  |
      | Credit tier added: 100% credit when uptime is below 90% (was 50% there) | \`credits.tiers[below_percent=90]\` |  |
      | Credit cap raised from 50% to 100% | \`credits.max_credit_percent\` |  |

      #### Neutral (2)

      | Change | Path | Notice |
      | --- | --- | --- |
      | Uptime measurement reworded | \`uptime.measurement\` |  |
      | Credit tier removed: 10% credit when uptime is below 99.9% (now 10% there) | \`credits.tiers[below_percent=99.9]\` |  |
      "
    `);
  });

  it('flags notice that is too short', () => {
    expect(formatComparison(comparePolicies(f10!, f11!), 'markdown')).toMatchInlineSnapshot(`
      "### Policy changes: 1.0 → 1.1

      Version 1.1 is published 2026-05-15 and takes effect 2026-05-29.

      ❌ **Notice too short**: 1 material change, 1 with too little notice: 14 days given, 30 days required; the earliest allowed effective date is 2026-06-14.

      #### Weaker (1)

      | Change | Path | Notice |
      | --- | --- | --- |
      | **Material:** Uptime target lowered from 99.99% to 99.95% | \`uptime.target_percent\` | ❌ 14 < 30 days, earliest 2026-06-14 |
      "
    `);
  });

  it('keeps policy text literal: no HTML, links, mentions or table breaks', () => {
    expect(md('a | b <script>x</script> [link](javascript:alert(1)) @team *bold* & `tick`\nnext')).toMatchInlineSnapshot(`"a \\| b \\<script\\>x\\</script\\> \\[link\\](javascript:alert(1)) @​team \\*bold\\* \\& \\\`tick\\\` next"`);
    expect(code('entries[name=A|B `x`]')).toMatchInlineSnapshot(`"\`\`entries[name=A\\|B \`x\`]\`\`"`);
  });
});

describe('text', () => {
  it('reads in a terminal', () => {
    expect(formatComparison(comparePolicies(f10!, f11!), 'text')).toMatchInlineSnapshot(`
      "Policy changes 1.0 -> 1.1 (updated 2026-05-15, effective 2026-05-29)

      Weaker (1):
        - Uptime target lowered from 99.99% to 99.95% [material]
            uptime.target_percent  NOTICE TOO SHORT (14 < 30 days; earliest 2026-06-14)

      Notice: 1 material change, 1 with too little notice: 14 days given, 30 days required; the earliest allowed effective date is 2026-06-14"
    `);
  });

  it('says so when nothing changed', () => {
    expect(formatComparison(comparePolicies(v31!, v31!), 'text')).toMatchInlineSnapshot(`
      "Policy changes 3.1 -> 3.1 (updated 2026-01-12, effective 2026-02-26)

      No changes.

      Notice: no material changes, so no notice period applies (45 days given)"
    `);
  });
});

describe('json', () => {
  it('is the Change[] list', () => {
    const changes = JSON.parse(formatComparison(comparePolicies(v30!, v31!), 'json')) as { path: string; direction: string }[];
    expect(changes.map((c) => `${c.path} ${c.direction}`)).toContain('credits.claim_window_days weaker');
  });
});
