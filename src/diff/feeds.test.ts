import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/policy.ts';
import { validatePolicy } from '../validate/validate.ts';
import { changelogFeed, subprocessorsFeed } from './feeds.ts';

const policies = validatePolicy(resolve(import.meta.dirname, '../../policy'), { today: '2026-05-15' }).versions.map((v) => v.policy);

interface AtomText {
  '#text': string;
  '@_type'?: string;
}
interface AtomEntry {
  id: string;
  title: AtomText | string;
  updated: string;
  link: { '@_href': string }[];
  summary?: AtomText;
}
interface AtomFeed {
  '@_xmlns': string;
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link: { '@_rel': string; '@_href': string }[];
  entry?: AtomEntry[];
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
function parseFeed(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { feed: AtomFeed }).feed;
}
const text = (t: AtomText | string) => (typeof t === 'string' ? t : t['#text']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function expectAtom(feed: AtomFeed): void {
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^https:\/\//);
  expect(feed.title).not.toBe('');
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name).not.toBe('');
  expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toMatch(/^https:\/\/.*\.xml$/);
  for (const entry of feed.entry ?? []) {
    expect(entry.id).toMatch(/^https:\/\//);
    expect(text(entry.title)).not.toBe('');
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.link).not.toHaveLength(0);
  }
}

describe('/changelog.xml', () => {
  const feed = parseFeed(changelogFeed(policies));

  it('is Atom with one entry per version, newest first, ids and dates derived from the policy', () => {
    expectAtom(feed);
    expect(feed.id).toBe('https://trust.tessellate.example/changelog.xml');
    expect(feed.updated).toBe('2026-05-15T00:00:00.000Z');
    expect(feed.entry!.map((e) => [e.id, text(e.title), e.updated])).toEqual([
      ['https://trust.tessellate.example/changelog/#v3-2', 'Version 3.2', '2026-05-15T00:00:00.000Z'],
      ['https://trust.tessellate.example/changelog/#v3-1', 'Version 3.1', '2026-01-12T00:00:00.000Z'],
      ['https://trust.tessellate.example/changelog/#v3-0', 'Version 3.0', '2025-09-01T00:00:00.000Z'],
    ]);
  });

  it('summarises each version with its changes, material first', () => {
    const summary = feed.entry![1]!.summary!;
    expect(summary['@_type']).toBe('html');
    expect(summary['#text']).toContain('<li>Credit claim window lowered from 60 days to 30 days (material, weaker)</li><li>Uptime target raised');
  });

  it('is byte-identical across builds', () => {
    expect(changelogFeed(policies)).toBe(changelogFeed(policies));
  });
});

describe('/subprocessors.xml', () => {
  it('has entries only for versions that change sub-processors', () => {
    const feed = parseFeed(subprocessorsFeed(policies));
    expectAtom(feed);
    expect(feed.entry!.map((e) => [e.id, text(e.title), e.link.map((l) => l['@_href'])])).toEqual([
      ['https://trust.tessellate.example/changelog/#v3-2-subprocessors', 'Version 3.2: Sub-processor added: Signalpost Observability AB', ['https://trust.tessellate.example/v/3.2/#subprocessors']],
    ]);
    expect(feed.entry![0]!.summary!['#text']).toContain('<dt>location</dt><dd>Sweden</dd>');
  });

  it('is a valid feed without entries when sub-processors never changed', () => {
    const feed = parseFeed(subprocessorsFeed(policies.slice(0, 2)));
    expectAtom(feed);
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('2026-01-12T00:00:00.000Z');
  });
});

describe('escaping', () => {
  it('keeps hostile policy text as text', () => {
    const hostile = structuredClone<Policy[]>(policies);
    const last = hostile.at(-1)!;
    last.meta.product = 'Evil <script>alert(1)</script> & Co';
    last.subprocessors.entries.at(-1)!.name = 'Bad ]]> <img src=x onerror=alert(1)>';
    for (const xml of [changelogFeed(hostile), subprocessorsFeed(hostile)]) {
      const feed = parseFeed(xml);
      expect(xml).not.toMatch(/<script|<img/);
      expect(feed.title).toContain('Evil <script>alert(1)</script> & Co');
    }
    const sub = parseFeed(subprocessorsFeed(hostile)).entry![0]!;
    expect(text(sub.title)).toBe('Version 3.2: Sub-processor added: Bad ]]&gt; &lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('drafts (build --drafts)', () => {
  const newest = policies.at(-1)!.meta.version;
  const drafts = new Set([newest]);

  it('marks a draft version "Draft: not in force" in both feeds, and takes the feed itself from the version in force', () => {
    const feed = parseFeed(changelogFeed(policies, drafts));
    const entry = feed.entry!.find((e) => text(e.title).startsWith(`Version ${newest}`))!;
    expect(text(entry.title)).toBe(`Version ${newest} (Draft: not in force)`);
    expect(text(entry.summary!)).toContain('Draft: not in force. This version is not released');
    expect(feed.entry!.filter((e) => text(e.title).includes('Draft'))).toHaveLength(1);
    expect(feed.updated).toBe(`${policies.at(-2)!.meta.updated}T00:00:00.000Z`);
    const subprocessors = parseFeed(subprocessorsFeed(policies, drafts));
    for (const e of subprocessors.entry ?? []) expect(text(e.title).includes('Draft: not in force')).toBe(text(e.title).startsWith(`Version ${newest}:`));
  });

  it('without drafts nothing is marked', () => {
    expect(changelogFeed(policies)).not.toContain('Draft');
  });
});
