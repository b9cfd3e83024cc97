import { afterAll, describe, expect, it } from 'vitest';
import { problemsWith, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';

afterAll(removeAll);

describe('zod issues become located problems with plain messages and hints', () => {
  it('an unknown key points at the key and suggests the near one, without also reporting the missing one', () => {
    expect(problemsWith({ 'uptime.yaml': replace('target_percent', 'target_percnt') }, { frame: true })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:1: unknown key \`target_percnt\` [unknown-key]
        hint: did you mean \`target_percent\`?
        1 | # yaml-language-server: $schema=../../schema/uptime.schema.json
      > 2 | target_percnt: 99.95
          | ^
        3 | window: calendar-month"
    `);
  });

  it('.nan and .inf are refused as numbers, saying why', () => {
    expect(problemsWith({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: .nan'), 'credits.yaml': replace('claim_window_days: 30', 'claim_window_days: .inf') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:17: target_percent: expected a number, got NaN (YAML .nan or .inf), which is not a usable number [invalid-type]
        hint: write a plain decimal number, like 99.95
      policy/3.1/credits.yaml:12:20: claim_window_days: expected a number, got Infinity (YAML .nan or .inf), which is not a usable number [invalid-type]
        hint: write a plain decimal number, like 99.95"
    `);
  });

  it('an unknown key with nothing near lists the allowed keys', () => {
    expect(problemsWith({ 'changes.yaml': (t) => `${t}owner: legal\n` })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:7:1: unknown key \`owner\` [unknown-key]
        hint: allowed keys here: \`material_change_notice_days\`, \`breaking_change_notice_days\`, \`deprecation_policy\`"
    `);
  });

  it('an unknown key inside a list item', () => {
    expect(problemsWith({ 'credits.yaml': replace('    credit_percent: 25', '    credit_percnt: 25') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:7:5: unknown key \`credit_percnt\` in tiers[1] [unknown-key]
        hint: did you mean \`credit_percent\`?"
    `);
  });

  it('a missing key points at the nearest existing parent', () => {
    expect(problemsWith({ 'meta.yaml': replace(/  security: .*\n/, '') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:12:1: missing required key \`security\` in contacts [missing-key]
        hint: add \`security:\` here (text)"
    `);
    expect(problemsWith({ 'credits.yaml': replace('    credit_percent: 25\n', '') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:6:5: missing required key \`credit_percent\` in tiers[1] [missing-key]
        hint: add \`credit_percent:\` here (a number)"
    `);
    expect(problemsWith({ 'changes.yaml': replace(/deprecation_policy: [^\n]*\n(  [^\n]*\n)*/, '') })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:2:1: missing required key \`deprecation_policy\` [missing-key]
        hint: add \`deprecation_policy:\` here (text)"
    `);
  });

  it('a key with no value', () => {
    expect(problemsWith({ 'meta.yaml': replace(/summary: >-\n(  .*\n)+/, 'summary:\n') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:8:9: summary: expected text, got an empty value [invalid-type]
        hint: the key has no value: write one after the colon"
    `);
  });

  it('an unquoted version 3.10 reads as the number 3.1', () => {
    expect(problemsWith({ 'meta.yaml': replace('version: "3.1"', 'version: 3.10') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:2:10: version is the number 3.1, not a string: unquoted 3.10 reads as 3.1 in YAML [version-unquoted]
        hint: quote it: version: "3.10""
    `);
  });

  it('a number written with its unit or in quotes', () => {
    expect(problemsWith({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.95%') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:17: target_percent: expected a number, got text "99.95%" [invalid-type]
        hint: write a bare number without quotes or units: the unit is in the key name"
    `);
    expect(problemsWith({ 'changes.yaml': replace('material_change_notice_days: 30', 'material_change_notice_days: 30 days') })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:2:30: material_change_notice_days: expected a number, got text "30 days" [invalid-type]
        hint: write a bare number without quotes or units: the unit is in the key name"
    `);
  });

  it('a fraction where whole days are required', () => {
    expect(problemsWith({ 'changes.yaml': replace('material_change_notice_days: 30', 'material_change_notice_days: 30.5') })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:2:30: material_change_notice_days: expected a whole number, got 30.5 [invalid-type]
        hint: use a whole number"
    `);
  });

  it('values out of range', () => {
    expect(problemsWith({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 100') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:17: target_percent: must be less than 100, got 100 [out-of-range]
        hint: allowed: greater than 0 and less than 100 (percent)"
    `);
    expect(problemsWith({ 'latency.yaml': replace('p50_ms: 2', 'p50_ms: -1') })).toMatchInlineSnapshot(`
      "policy/3.1/latency.yaml:9:13: objectives[0].p50_ms: must be greater than 0, got -1 [out-of-range]
        hint: allowed: greater than 0 and at most 600000 (milliseconds)"
    `);
    expect(problemsWith({ 'latency.yaml': replace(/objectives:\n[\s\S]*/, 'objectives: []\n') })).toMatchInlineSnapshot(`
      "policy/3.1/latency.yaml:6:13: objectives: needs at least 1 item [out-of-range]
        hint: add the missing entries"
    `);
  });

  it('an enum typo suggests the near value', () => {
    expect(problemsWith({ 'uptime.yaml': replace('window: calendar-month', 'window: calender-month') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: window: \`calender-month\` is not one of "calendar-month", "calendar-quarter" [invalid-value]
        hint: did you mean \`calendar-month\`?"
    `);
  });

  it('a literal that must hold: the rate-limited status is 429', () => {
    expect(problemsWith({ 'rate-limits.yaml': replace('status: 429', 'status: 503') })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:5:9: status: Invalid input: expected 429 [invalid-format]
        hint: must be 429"
    `);
  });

  it('dates must be ISO dates', () => {
    expect(problemsWith({ 'meta.yaml': replace('updated: "2026-01-12"', 'updated: "12/01/2026"') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:3:10: updated: expected a quoted ISO date like "2026-05-15" [invalid-format]
        hint: dates are quoted ISO dates: "2026-05-15""
    `);
    expect(problemsWith({ 'meta.yaml': replace('updated: "2026-01-12"', 'updated: "2026-02-30"') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:3:10: updated: no such day: February 2026 has 28 days [invalid-format]
        hint: write a day the month has, quoted: "2026-02-28""
    `);
  });

  it('links must be https: javascript:, data: and http: are refused', () => {
    const statusPage = (to: string) => problemsWith({ 'incidents.yaml': replace(/status_page: .*/, `status_page: ${to}`) });
    expect(statusPage('"javascript:alert(1)"')).toMatchInlineSnapshot(`
      "policy/3.1/incidents.yaml:3:14: status_page: expected an https URL like "https://example.com/trust" [invalid-format]
        hint: links must be absolute https URLs; javascript:, data: and http: are refused"
    `);
    expect(statusPage('"data:text/html,<script>alert(1)</script>"')).toMatchInlineSnapshot(`
      "policy/3.1/incidents.yaml:3:14: status_page: expected an https URL like "https://example.com/trust" [invalid-format]
        hint: links must be absolute https URLs; javascript:, data: and http: are refused"
    `);
    expect(statusPage('http://status.example.com')).toMatchInlineSnapshot(`
      "policy/3.1/incidents.yaml:3:14: status_page: expected an https URL like "https://example.com/trust" [invalid-format]
        hint: links must be absolute https URLs; javascript:, data: and http: are refused"
    `);
  });

  it('text quoted or not, mappings and lists where another type belongs', () => {
    expect(problemsWith({ 'meta.yaml': replace(/product: .*/, 'product: 42') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:5:10: product: expected text, got number 42 [invalid-type]
        hint: quote it: "42""
    `);
    expect(problemsWith({ 'retention.yaml': replace('regions: [United States, European Union]', 'regions: United States') })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:13:10: regions: expected a list, got text "United States" [invalid-type]
        hint: write a list: [a, b] on one line, or one \`- item\` per line"
    `);
    expect(problemsWith({ 'uptime.yaml': '- a list\n- not a mapping\n' })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:1:1: the file: expected a mapping, got a list [invalid-type]
        hint: a policy file is a mapping of keys to values, one \`key: value\` per line"
    `);
  });

  it('a duplicate value in a list of unique values', () => {
    expect(problemsWith({ 'retention.yaml': replace('regions: [United States, European Union]', 'regions: [United States, European Union, United States]') })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:13:42: regions[2]: duplicate entry "United States" [invalid-format]
        hint: remove the repeated entry"
    `);
  });

  it('the summary is at most two sentences', () => {
    expect(problemsWith({ 'meta.yaml': replace('takes effect.', 'takes effect. Really. Truly.') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:8:10: summary: the summary is at most two sentences [invalid-format]
        hint: shorten it to two sentences; the details belong in the sections below"
    `);
  });

  it('a missing enum key is one missing-key problem naming its values, never `undefined`', () => {
    expect(problemsWith({ 'uptime.yaml': replace(/window: .*\n/, '') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:1: missing required key \`window\` [missing-key]
        hint: add \`window:\` here (one of "calendar-month", "calendar-quarter")"
    `);
  });

  it('a date the calendar does not have says "no such day"; an unquoted date is refused with its quoted form', () => {
    expect(problemsWith({ 'meta.yaml': replace(/updated: .*\n/, 'updated: "2026-02-30"\n') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:3:10: updated: no such day: February 2026 has 28 days [invalid-format]
        hint: write a day the month has, quoted: "2026-02-28""
    `);
    expect(problemsWith({ 'meta.yaml': replace(/updated: .*\n/, 'updated: "2026-13-01"\n') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:3:10: updated: no such day: 2026-13-01 has month 13, and months run 01 to 12 [invalid-format]
        hint: write a day the month has, quoted: "2026-02-28""
    `);
    expect(problemsWith({ 'meta.yaml': replace(/updated: "(.*)"\n/, 'updated: $1\n') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:3:10: date 2026-01-12 is not quoted [date-unquoted]
        hint: quote it: "2026-01-12" (unquoted, some YAML readers turn it into a timestamp)"
    `);
  });

  it('bad indentation is located on the line out of step, in plain words', () => {
    expect(problemsWith({ 'uptime.yaml': replace('window: calendar-month', '  window: calendar-month') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:3: this line is indented 2 spaces, deeper than \`target_percent\` on line 2, which already has a value on its line [yaml-indentation]
        hint: indent it 0 spaces to line it up with \`target_percent\`, or, if it belongs under \`target_percent\`, remove the value after that colon"
    `);
    expect(problemsWith({ 'meta.yaml': replace('  security: ', ' security: ') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:14:3: this line is indented 2 spaces, deeper than \`security\` on line 13, which already has a value on its line [yaml-indentation]
        hint: indent it 1 space to line it up with \`security\`, or, if it belongs under \`security\`, remove the value after that colon"
    `);
    expect(problemsWith({ 'retention.yaml': replace('  retention_days: 365', ' retention_days: 365') })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:12:3: this line is indented 2 spaces, deeper than \`retention_days\` on line 11, which already has a value on its line [yaml-indentation]
        hint: indent it 1 space to line it up with \`retention_days\`, or, if it belongs under \`retention_days\`, remove the value after that colon"
    `);
  });

  // Every key added for issue 18: a wrong type, and an unknown key beside it (a typo of a neighbour).
  it('rate-limits.yaml upstream_down.behaviour: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'rate-limits.yaml': (t) => `${t}upstream_down:\n  behaviour: 503\n` })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:15:14: upstream_down.behaviour: \`503\` is not one of "fail-fast", "retry-then-fail", "failover" [invalid-value]
        hint: use one of "fail-fast", "retry-then-fail", "failover""
    `);
    expect(problemsWith({ 'rate-limits.yaml': (t) => `${t}upstream_down:\n  behaviour: fail-fast\n  statuss: 503\n` })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:16:3: unknown key \`statuss\` in upstream_down [unknown-key]
        hint: did you mean \`status\`?"
    `);
  });

  it('rate-limits.yaml upstream_down.status: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'rate-limits.yaml': (t) => `${t}upstream_down:\n  behaviour: fail-fast\n  status: "503"\n` })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:16:11: upstream_down.status: expected a number, got text "503" [invalid-type]
        hint: write a bare number without quotes or units: the unit is in the key name"
    `);
    expect(problemsWith({ 'rate-limits.yaml': (t) => `${t}upstream_down:\n  behaviour: fail-fast\n  statment: Errors at once.\n` })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:16:3: unknown key \`statment\` in upstream_down [unknown-key]
        hint: did you mean \`statement\`?"
    `);
  });

  it('retention.yaml caching.cached: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: "no"\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:15:11: caching.cached: expected true or false, got text "no" [invalid-type]
        hint: YAML 1.2 reads no as text: write true or false"
    `);
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: true\n  ttl_secs: 60\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:16:3: unknown key \`ttl_secs\` in caching [unknown-key]
        hint: allowed keys here: \`cached\`, \`ttl_seconds\`, \`scope\`, \`statement\`"
    `);
  });

  it('retention.yaml caching.ttl_seconds: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: true\n  ttl_seconds: 60 s\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:16:16: caching.ttl_seconds: expected a number, got text "60 s" [invalid-type]
        hint: write a bare number without quotes or units: the unit is in the key name"
    `);
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: true\n  scopes: per-tenant\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:16:3: unknown key \`scopes\` in caching [unknown-key]
        hint: did you mean \`scope\`?"
    `);
  });

  it('retention.yaml caching.scope: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: true\n  scope: everyone\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:16:10: caching.scope: \`everyone\` is not one of "per-user", "per-tenant", "shared" [invalid-value]
        hint: use one of "per-user", "per-tenant", "shared""
    `);
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: true\n  statment: Cached briefly.\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:16:3: unknown key \`statment\` in caching [unknown-key]
        hint: did you mean \`statement\`?"
    `);
  });

  it('auth.yaml revocation.by: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'auth.yaml': (t) => `${t}revocation:\n  by: end-user\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:28:7: revocation.by: expected a list, got text "end-user" [invalid-type]
        hint: write a list: [a, b] on one line, or one \`- item\` per line"
    `);
    expect(problemsWith({ 'auth.yaml': (t) => `${t}revocation:\n  by: [end-user]\n  propagation_secs: 60\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:29:3: unknown key \`propagation_secs\` in revocation [unknown-key]
        hint: did you mean \`propagation_seconds\`?"
    `);
  });

  it('auth.yaml revocation.propagation_seconds: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'auth.yaml': (t) => `${t}revocation:\n  by: [end-user]\n  propagation_seconds: 1 minute\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:29:24: revocation.propagation_seconds: expected a number, got text "1 minute" [invalid-type]
        hint: write a bare number without quotes or units: the unit is in the key name"
    `);
    expect(problemsWith({ 'auth.yaml': (t) => `${t}revocation:\n  by: [end-user]\n  statment: Revoked in the console.\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:29:3: unknown key \`statment\` in revocation [unknown-key]
        hint: did you mean \`statement\`?"
    `);
  });

  it('auth.yaml origin_validation: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'auth.yaml': (t) => `${t}origin_validation: "yes"\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:27:20: origin_validation: expected true or false, got text "yes" [invalid-type]
        hint: YAML 1.2 reads yes as text: write true or false"
    `);
    expect(problemsWith({ 'auth.yaml': (t) => `${t}origin_validaton: true\n` })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:27:1: unknown key \`origin_validaton\` [unknown-key]
        hint: did you mean \`origin_validation\`?"
    `);
  });

  it('compliance.yaml agreements.name: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}agreements:\n  - name: DPA\n    url: http://example.com/dpa\n` })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:23:10: agreements[0].url: expected an https URL like "https://example.com/trust" [invalid-format]
        hint: links must be absolute https URLs; javascript:, data: and http: are refused"
    `);
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}agreements:\n  - name: DPA\n    requst: email legal@example.com\n` })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:23:5: unknown key \`requst\` in agreements[0] [unknown-key]
        hint: did you mean \`request\`?"
    `);
  });

  it('compliance.yaml agreements: a wrong type, and an unknown key beside it', () => {
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}agreements: DPA\n` })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:21:13: agreements: expected a list, got text "DPA" [invalid-type]
        hint: write a list: [a, b] on one line, or one \`- item\` per line"
    `);
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}agreements:\n  - nme: DPA\n` })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:22:5: unknown key \`nme\` in agreements[0] [unknown-key]
        hint: did you mean \`name\`?"
    `);
  });

  it('keys added inside existing objects: token storage and a certification\'s expected date', () => {
    expect(problemsWith({ 'auth.yaml': replace('  hashing: hmac-sha256', '  storage: hash\n  hashing: hmac-sha256') })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:6:12: tokens.storage: \`hash\` is not one of "hashed", "encrypted", "identity-provider", "not-stored" [invalid-value]
        hint: did you mean \`hashed\`?"
    `);
    expect(problemsWith({ 'auth.yaml': replace('  hashing: hmac-sha256', '  storag: hashed\n  hashing: hmac-sha256') })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:6:3: unknown key \`storag\` in tokens [unknown-key]
        hint: did you mean \`storage\`?"
    `);
    expect(problemsWith({ 'compliance.yaml': replace('    status: certified\n    scope: Security', '    status: planned\n    expected: 2027\n    scope: Security') })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:8:15: certifications[0].expected: expected text, got number 2027 [invalid-type]
        hint: write a quoted ISO date like "2026-05-15""
    `);
    expect(problemsWith({ 'compliance.yaml': replace('    status: certified\n    scope: Security', '    status: planned\n    expcted: "2027-01-31"\n    scope: Security') })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:8:5: unknown key \`expcted\` in certifications[0] [unknown-key]
        hint: did you mean \`expected\`?"
    `);
  });
});
