import { describe, expect, it } from 'vitest';
import { publishedAnchors, sections } from '../model/sections.ts';
import { loadPolicy } from '../load/load-policy.ts';
import { plainText, type Block, type Document } from './blocks.ts';
import { buildDocument } from './document.ts';

const policy = loadPolicy('tests/fixtures/vendor-minimal/policy').versions.at(-1)!.policy;

/** Every sentence a section shows, flattened. */
function words(document: Document, id: string): string {
  const section = document.sections.find((s) => s.id === id)!;
  const of = (b: Block): string[] => {
    switch (b.type) {
      case 'heading':
        return [b.text];
      case 'paragraph':
      case 'notice':
        return [plainText(b.runs)];
      case 'definitions':
        return b.items.map((i) => `${i.term}: ${plainText(i.runs)}`);
      case 'list':
        return b.items.map(plainText);
      case 'code':
        return [b.text];
      case 'figure':
        return [b.caption, b.code];
      case 'uptime-chart':
        return [b.title, b.description];
      case 'table':
        return [b.caption, b.columns.map((c) => c.header).join(' | '), ...b.rows.map((r) => r.map(plainText).join(' | '))];
    }
  };
  return section.blocks.flatMap(of).join('\n');
}

describe('buildDocument', () => {
  it('has every section of the page, in order, with its aliases', () => {
    const document = buildDocument({ policy });
    expect(document.sections.map((s) => s.id)).toEqual(sections.map((s) => s.id));
    expect(document.sections.flatMap((s) => [s.id, ...s.aliases]).sort()).toEqual(publishedAnchors());
  });

  it('words the engine default of #uptime from the policy', () => {
    expect(words(buildDocument({ policy }), 'uptime')).toContain(`Availability target: ${policy.uptime.target_percent}% per calendar`);
  });

  it('lays a section out from a project override: its sentences, cited values and the parts it names', () => {
    const prose = { uptime: { file: 'content/sections/uptime.mdx', text: 'We aim for **<Value path="uptime.target_percent" />**, see [our status page](https://status.example.com).\n\n<DowntimeTable />\n' } };
    const text = words(buildDocument({ policy, prose }), 'uptime');
    expect(text).toContain(`We aim for ${policy.uptime.target_percent}%, see our status page.`);
    expect(text).toContain('Period | Allowed downtime');
    expect(text).not.toContain('How availability is measured');
  });

  it('keeps the page-only download links out of the PDF', () => {
    const summary = buildDocument({ policy, links: { pdf: '/sla.pdf', pdfSha256: 'ab12', json: '/sla.json' } }).sections[0]!;
    expect(summary.blocks.filter((b) => b.only === 'page').map((b) => b.type)).toEqual(['list']);
  });

  it('refuses what it would have to execute or cannot show, at its location', () => {
    const fail = (text: string) => {
      try {
        buildDocument({ policy, prose: { uptime: { file: 'content/sections/uptime.mdx', text } } });
        return 'built';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect([
      fail('Target: {props.policy.uptime.target_percent}'),
      fail('\n<Value path="uptime.nope" />'),
      fail('<Chart />'),
      fail('Go [there](http://example.com).'),
      fail('A <DowntimeTable /> inline.'),
    ]).toMatchInlineSnapshot(`
      [
        "content/sections/uptime.mdx:1:9: expressions in braces are not evaluated: cite a value with <Value path="…" />",
        "content/sections/uptime.mdx:2:1: no policy value at "uptime.nope"",
        "content/sections/uptime.mdx:1:1: unknown component <Chart>: use one of Facts, DeploymentModels, AtAGlance, OutputLinks, DowntimeTable, Exclusions, UptimeHistory, LatencyTable, RolesTable, SeveritiesTable, SubprocessorsTable, CertificationsTable, Agreements, CreditTiers, RateLimitSample, ProvisioningSample, Value, ExternalLink, LatencyScope",
        "content/sections/uptime.mdx:1:4: refusing to link a non-https URL: "http://example.com"",
        "content/sections/uptime.mdx:1:3: <DowntimeTable> cannot stand inside a sentence: use Value, ExternalLink, LatencyScope; <DowntimeTable /> goes on a line of its own",
      ]
    `);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildDocument({ policy }))).toBe(JSON.stringify(buildDocument({ policy })));
  });
});
