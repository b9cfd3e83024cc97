import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { anchorIds, checkAnchorContract } from './anchors.ts';

// Version 1.0's page had #sla-credits; 1.1 renamed the section to #credits without keeping the old id as an alias.
const fixture = (path: string) => anchorIds(readFileSync(`tests/fixtures/site-anchors/${path}`, 'utf8'));
const published = [
  { version: '1.0', anchors: fixture('v/1.0/index.html') },
  { version: '1.1', anchors: fixture('v/1.1/index.html') },
];
const latest = { version: '1.1', anchors: fixture('index.html') };

describe('anchorIds', () => {
  it('collects ids in either quote style', () => {
    expect([...fixture('v/1.0/index.html')]).toEqual(['main', 'availability', 'uptime', 'sla-credits']);
  });
});

describe('checkAnchorContract', () => {
  it('names the anchor and the version that published it', () => {
    expect(formatProblems(checkAnchorContract(published, latest, 'src/model/sections.ts'), 'text')).toMatchInlineSnapshot(`
      "src/model/sections.ts: error: anchor #sla-credits was published by version 1.0 but the latest page (1.1) lacks it [anchor-removed]
        hint: anchors are a contract with contract exhibits: keep the old id as an alias of the renamed section"
    `);
  });

  it('passes once the old id is kept', () => {
    const withAlias = { ...latest, anchors: new Set([...latest.anchors, 'sla-credits']) };
    expect(checkAnchorContract(published, withAlias, 'src/model/sections.ts')).toEqual([]);
  });

  it('reports the first version that had a removed anchor', () => {
    const pages = [{ version: '0.9', anchors: new Set(['legacy']) }, { version: '1.0', anchors: new Set(['legacy']) }];
    expect(checkAnchorContract(pages, { version: '1.1', anchors: new Set() }, 'x')[0]?.message).toContain('version 0.9');
  });
});
