import { afterAll, describe, expect, it } from 'vitest';
import { corpus, problemsWith, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { loadPolicy } from './load-policy.ts';

afterAll(removeAll);

const uptime = (from: string | RegExp, to: string) => ({ 'uptime.yaml': replace(from, to) });

describe('defensive YAML parsing: each class is refused at its file:line:col', () => {
  it('anchors and aliases', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: &w calendar-month\nscope_copy: *w'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:12: anchor \`&w\` is not allowed [yaml-alias]
        hint: write the value out in full; anchors and aliases make a reviewer read two places (and allow alias bombs)
      policy/3.1/uptime.yaml:4:13: alias \`*w\` is not allowed [yaml-alias]
        hint: write the value out in full; anchors and aliases make a reviewer read two places (and allow alias bombs)"
    `);
  });

  it('merge keys', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: calendar-month\n<<: {scope: x}'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:4:1: merge key \`<<\` is not allowed [yaml-merge-key]
        hint: write the keys out in full"
    `);
  });

  it('%YAML 1.1 directives (where yes/no/on/off were booleans)', () => {
    expect(problemsWith({ 'uptime.yaml': (t) => `%YAML 1.1\n---\n${t}` })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:1:1: directive \`%YAML 1.1\` is not allowed [yaml-directive]
        hint: remove the line: policy files are YAML 1.2 (core schema), where yes/no/on/off are strings, not booleans"
    `);
  });

  it('%TAG directives', () => {
    expect(problemsWith({ 'uptime.yaml': (t) => `%TAG !e! tag:example.com,2000:\n---\n${t}` })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:1:1: directive \`%TAG !e! tag:example.com,2000:\` is not allowed [yaml-directive]
        hint: remove the line: policy files are YAML 1.2 (core schema), where yes/no/on/off are strings, not booleans"
    `);
  });

  it('YAML 1.1 booleans are text in 1.2, and the hint says so', () => {
    expect(problemsWith({ 'retention.yaml': replace('retained: false', 'retained: no') })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:3:13: payloads.retained: expected true or false, got text "no" [invalid-type]
        hint: YAML 1.2 reads no as text: write true or false"
    `);
    expect(problemsWith({ 'rbac.yaml': replace('enforced_on_call: true', 'enforced_on_call: On') })).toMatchInlineSnapshot(`
      "policy/3.1/rbac.yaml:20:21: filtering.enforced_on_call: expected true or false, got text "On" [invalid-type]
        hint: YAML 1.2 reads On as text: write true or false"
    `);
  });

  it('explicit tags: !!binary, !!js/function, custom and verbatim tags', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: !!binary Y2FsZW5kYXItbW9udGg='))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:10: tag \`!!binary\` is not allowed [yaml-tag]
        hint: remove the tag; quote the value if it should be a string"
    `);
    expect(problemsWith(uptime('window: calendar-month', 'window: !!js/function "function () { return 1 }"'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: tag \`!!js/function\` is not allowed [yaml-tag]
        hint: remove the tag; quote the value if it should be a string"
    `);
    expect(problemsWith(uptime('window: calendar-month', 'window: !month calendar-month'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: tag \`!month\` is not allowed [yaml-tag]
        hint: remove the tag; quote the value if it should be a string"
    `);
    expect(problemsWith(uptime('window: calendar-month', 'window: !!str calendar-month'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:10: tag \`!!str\` is not allowed [yaml-tag]
        hint: remove the tag; quote the value if it should be a string"
    `);
  });

  it('several documents in one file', () => {
    expect(problemsWith({ 'uptime.yaml': (t) => `${t}---\ntarget_percent: 10\n` })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:20:1: a second YAML document starts here [yaml-multiple-documents]
        hint: one document per file: remove the \`---\` line and what follows, or move it to its own file"
    `);
  });

  it('duplicate keys, plain and quoted, each named', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: calendar-month\nwindow: calendar-quarter\n"scope": again'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:4:1: duplicate key \`window\` [yaml-duplicate-key]
        hint: each key may appear once in a mapping; remove or merge the duplicate
      policy/3.1/uptime.yaml:6:1: duplicate key \`scope\` [yaml-duplicate-key]
        hint: each key may appear once in a mapping; remove or merge the duplicate"
    `);
  });

  it('non-string keys: numbers, null, booleans, collections', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: calendar-month\n1: one\nnull: nothing\ntrue: yes\n? [a, b]\n: list'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:4:1: key \`1\` is not a plain string [yaml-non-string-key]
        hint: keys are lowercase words like \`target_percent\`
      policy/3.1/uptime.yaml:5:1: key \`null\` is not a plain string [yaml-non-string-key]
        hint: keys are lowercase words like \`target_percent\`
      policy/3.1/uptime.yaml:6:1: key \`true\` is not a plain string [yaml-non-string-key]
        hint: keys are lowercase words like \`target_percent\`
      policy/3.1/uptime.yaml:7:3: key \`[a, b]\` is not a plain string [yaml-non-string-key]
        hint: keys are lowercase words like \`target_percent\`"
    `);
  });

  it('__proto__ and other reserved keys', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: calendar-month\n__proto__: {polluted: true}'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:4:1: key \`__proto__\` is reserved [yaml-proto-key]
        hint: remove this key; it can alter objects in the programs that read the policy"
    `);
    expect(problemsWith({ 'meta.yaml': replace('  support:', '  constructor: x\n  support:') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:15:3: key \`constructor\` is reserved [yaml-proto-key]
        hint: remove this key; it can alter objects in the programs that read the policy"
    `);
  });

  it('tabs used for indentation: one error with a tab hint, not a cascade', () => {
    expect(problemsWith(uptime('  - id: upstream-apis', '\t- id: upstream-apis'), { frame: true })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:14:1: YAML syntax error: Tabs are not allowed as indentation [yaml-syntax]
        hint: indent with spaces; YAML does not allow tabs for indentation
        13 |     text: Maintenance announced on the status page at least 5 business days ahead, at most 4 hours per month.
      > 14 | 	- id: upstream-apis
           | ^
        15 |     text: Errors, slowness or rate limits of the customer's upstream APIs, passed through unchanged."
    `);
  });

  it('a tab after a colon is plain whitespace and fine', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window:\tcalendar-month'))).toBe('');
  });

  it('syntax errors show a code frame', () => {
    expect(problemsWith(uptime('window: calendar-month', 'window: "calendar-month'), { frame: true })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:20:1: YAML syntax error: Missing closing "quote [yaml-syntax]
        hint: check indentation, colons and quotes on this line
        19 |     text: Events beyond reasonable control, as defined in the Master Service Agreement.
      > 20 |
           | ^"
    `);
  });

  it('nesting deeper than the limit, block and flow', () => {
    const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
    expect(problemsWith({ 'uptime.yaml': nested(30) })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:25:49: nesting deeper than 24 levels [yaml-too-deep]
        hint: policy files are at most a few levels deep; check the indentation"
    `);
    expect(problemsWith({ 'uptime.yaml': `a: ${'['.repeat(30)}${']'.repeat(30)}\n` })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:1:28: nesting deeper than 24 levels [yaml-too-deep]
        hint: policy files are at most a few levels deep; check the indentation"
    `);
  });

  it('an empty file or one with only comments is reported by name', () => {
    expect(problemsWith({ 'changes.yaml': '' })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:1:1: changes.yaml is empty [empty-file]
        hint: fill in the required keys; see docs in the JSON Schema under schema/ or the previous version"
    `);
    expect(problemsWith({ 'changes.yaml': '# to do\n---\n' })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:1:1: changes.yaml is empty [empty-file]
        hint: fill in the required keys; see docs in the JSON Schema under schema/ or the previous version"
    `);
  });

  it('one mistake that echoes is capped per file', () => {
    const many = Array.from({ length: 30 }, (_, i) => `k${i}: &a${i} v`).join('\n') + '\n';
    const out = problemsWith({ 'changes.yaml': many });
    expect(out.split('\n').filter((l) => l.startsWith('policy/')).length).toBe(21);
    expect(out.split('\n').slice(-2).join('\n')).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:20:11: 10 more problems in this file not shown [more-problems]
        hint: fix the problems above and run validate again; they are often echoes of the first one"
    `);
  });
});

describe('hostile files are refused quickly', () => {
  const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n') + '\n';
  const cases: Record<string, string> = {
    'alias bomb (billion laughs)': bomb,
    '10 MB file': `statement: "${'a'.repeat(10 * 1024 * 1024)}"\n`,
    '5,000-deep flow nesting': `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    '5,000-deep compact block nesting': `${'- '.repeat(5000)}x\n`,
    '5,000-deep flow mappings': `a: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: refused in under 2 s`, () => {
      const c = corpus({ 'rbac.yaml': text });
      const start = performance.now();
      const { problems } = loadPolicy(c.policyDir);
      const elapsed = performance.now() - start;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file === problems[0]!.file && p.file.endsWith('rbac.yaml'))).toBe(true);
      expect(new Set(problems.map((p) => p.code))).not.toContain('yaml-syntax');
      expect(elapsed).toBeLessThan(2000);
    });
  }

  it('reports each refusal with its reason', () => {
    const first = (text: string) => problemsWith({ 'rbac.yaml': text }).split('\n').slice(0, 2).join('\n');
    expect(Object.fromEntries(Object.entries(cases).map(([name, text]) => [name, first(text)]))).toMatchInlineSnapshot(`
      {
        "10 MB file": "policy/3.1/rbac.yaml:1:1: file is 10.0 MB; the limit is 256 KB [file-too-large]
        hint: policy files are short; check that the right file was saved here",
        "5,000-deep compact block nesting": "policy/3.1/rbac.yaml:1:1: nesting deeper than 24 levels [yaml-too-deep]
        hint: policy files are at most a few levels deep; check the indentation",
        "5,000-deep flow mappings": "policy/3.1/rbac.yaml:1:100: nesting deeper than 24 levels [yaml-too-deep]
        hint: policy files are at most a few levels deep; check the indentation",
        "5,000-deep flow nesting": "policy/3.1/rbac.yaml:1:28: nesting deeper than 24 levels [yaml-too-deep]
        hint: policy files are at most a few levels deep; check the indentation",
        "alias bomb (billion laughs)": "policy/3.1/rbac.yaml:1:7: anchor \`&a\` is not allowed [yaml-alias]
        hint: write the value out in full; anchors and aliases make a reviewer read two places (and allow alias bombs)",
      }
    `);
  });
});
