import { afterAll, describe, expect, it } from 'vitest';
import { problemsWith, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';

afterAll(removeAll);

const measurement = (to: string) => ({ 'uptime.yaml': replace('Synthetic probes', to) });

describe('characters that hide or reorder text are refused at the character', () => {
  it('a literal NUL byte', () => {
    expect(problemsWith(measurement('Synthetic\u0000 probes'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:8:12: text contains a NUL character (U+0000) [text-control]
        hint: remove it; NUL truncates text in many programs"
    `);
  });

  it('a NUL written as an escape', () => {
    expect(problemsWith({ 'uptime.yaml': replace('window: calendar-month', 'window: "calendar\\0-month"') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: text contains a NUL character (U+0000) [text-control]
        hint: remove it; NUL truncates text in many programs"
    `);
  });

  it('a lone surrogate escape ("\\uD800")', () => {
    expect(problemsWith({ 'uptime.yaml': replace('window: calendar-month', 'window: "calendar\\uD800-month"') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: text contains a lone surrogate (U+D800) [text-control]
        hint: remove the \\u escape; it is half of a character"
    `);
  });

  it('a bidi override (Trojan Source), in a value and in a key', () => {
    expect(problemsWith(measurement('Synthetic \u202Eprobes'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:8:13: text contains a bidirectional control character (U+202E) [text-control]
        hint: remove it; bidi controls can make text display in a different order than it reads (Trojan Source)"
    `);
    expect(problemsWith({ 'uptime.yaml': replace('window:', 'win\u2066dow:') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:4: text contains a bidirectional control character (U+2066) [text-control]
        hint: remove it; bidi controls can make text display in a different order than it reads (Trojan Source)"
    `);
  });

  it('other control characters', () => {
    expect(problemsWith({ 'uptime.yaml': replace('window: calendar-month', 'window: "calendar\\e-month"') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: text contains a control character (U+001B) [text-control]
        hint: remove it; only tabs and line breaks are allowed in text"
    `);
  });

  it('a byte-order mark at the start of a file, and one inside text', () => {
    expect(problemsWith({ 'meta.yaml': (t) => `\uFEFF${t}` })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:1:1: text contains a byte-order mark (U+FEFF) [text-control]
        hint: save the file as UTF-8 without BOM, and remove stray U+FEFF characters"
    `);
    expect(problemsWith(measurement('Synthetic\uFEFF probes'))).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:8:12: text contains a byte-order mark (U+FEFF) [text-control]
        hint: save the file as UTF-8 without BOM, and remove stray U+FEFF characters"
    `);
  });

  it('zero-width characters, the word joiner and the soft hyphen, in a name, an id and a URL', () => {
    expect(
      problemsWith({
        'subprocessors.yaml': replace('name: Quillmail Ltd.', 'name: Quill\u200Bmail Ltd.'),
        'uptime.yaml': replace('id: upstream-apis', 'id: upstream\u2060-apis'),
        'incidents.yaml': replace('https://status.tessellate.example', 'https://status.tessel\u00ADlate.example'),
        'rbac.yaml': replace('name: Admin', 'name: Ad\u200Dmin'),
        'compliance.yaml': replace('name: GDPR', 'name: GD\u200CPR'),
      }),
    ).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:14:17: text contains an invisible character (U+2060) [text-control]
        hint: remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different
      policy/3.1/rbac.yaml:8:13: text contains an invisible character (U+200D) [text-control]
        hint: remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different
      policy/3.1/subprocessors.yaml:9:16: text contains an invisible character (U+200B) [text-control]
        hint: remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different
      policy/3.1/compliance.yaml:16:13: text contains an invisible character (U+200C) [text-control]
        hint: remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different
      policy/3.1/incidents.yaml:3:35: text contains an invisible character (U+00AD) [text-control]
        hint: remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different"
    `);
  });

  it('bytes that are not UTF-8', () => {
    expect(problemsWith({ 'changes.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) })).toMatchInlineSnapshot(`
      "policy/3.1/changes.yaml:1:1: file is not valid UTF-8 [not-utf8]
        hint: save the file as UTF-8"
    `);
  });

  it('markup and script text is data, not a loader error: renderers escape it', () => {
    expect(problemsWith(measurement('<script>alert(1)</script></script> probes'))).toBe('');
  });
});
