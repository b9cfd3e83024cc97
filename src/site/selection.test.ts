import { describe, expect, it } from 'vitest';
import { selectVersions } from './selection.ts';

const v = (version: string, effective: string) => ({ version, policy: { meta: { effective } } });
const versions = [v('3.1', '2026-02-26'), v('3.2', '2026-06-15'), v('3.3', '2026-12-15')];
const brief = (s: ReturnType<typeof selectVersions>) => ({ root: s.root, upcoming: s.upcoming, published: s.published.map((p) => `${p.version} ${p.status}`) });

describe('selectVersions', () => {
  it('a production build leaves a draft out and / keeps the version in force', () => {
    expect(brief(selectVersions({ versions, releases: { '3.1': null, '3.2': '2026-05-15' }, today: '2026-11-30', drafts: false }))).toEqual({
      root: '3.2',
      upcoming: [],
      published: ['3.1 superseded', '3.2 in-force'],
    });
  });

  it('--drafts adds the draft, marked, and / still shows the version in force', () => {
    expect(brief(selectVersions({ versions, releases: { '3.1': null, '3.2': '2026-05-15' }, today: '2026-11-30', drafts: true }))).toEqual({
      root: '3.2',
      upcoming: [],
      published: ['3.1 superseded', '3.2 in-force', '3.3 draft'],
    });
  });

  it('a released version effective next month is upcoming until its day, then in force', () => {
    const releases = { '3.1': null, '3.2': '2026-05-15', '3.3': '2026-11-10' };
    expect(brief(selectVersions({ versions, releases, today: '2026-11-30', drafts: false }))).toEqual({
      root: '3.2',
      upcoming: ['3.3'],
      published: ['3.1 superseded', '3.2 in-force', '3.3 upcoming'],
    });
    expect(brief(selectVersions({ versions, releases, today: '2026-12-15', drafts: false }))).toEqual({
      root: '3.3',
      upcoming: [],
      published: ['3.1 superseded', '3.2 superseded', '3.3 in-force'],
    });
  });

  it('nothing released: nothing to publish without drafts; with drafts / shows the newest draft', () => {
    expect(selectVersions({ versions, releases: {}, today: '2026-11-30', drafts: false })).toEqual({ published: [], root: undefined, upcoming: [] });
    expect(selectVersions({ versions, releases: {}, today: '2026-11-30', drafts: true }).root).toBe('3.3');
  });

  it('only upcoming releases: / shows the first of them (it is announced as not yet in force)', () => {
    expect(selectVersions({ versions: [v('1.0', '2027-01-01')], releases: { '1.0': '2026-11-01' }, today: '2026-11-30', drafts: false }).root).toBe('1.0');
  });
});
