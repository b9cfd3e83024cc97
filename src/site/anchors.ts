/** The anchor contract: every id a published version's page rendered must still resolve on the latest page. */
import { describe, type Problem } from '../errors/catalog.ts';

export interface RenderedPage {
  readonly version: string;
  readonly anchors: ReadonlySet<string>;
}

/** Element ids in built HTML; the site's pages always quote attribute values. */
export function anchorIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<[a-zA-Z][^>]*?\sid=(?:"([^"]*)"|'([^']*)')/g)) ids.add(match[1] ?? match[2] ?? '');
  ids.delete('');
  return ids;
}

/** One error per (anchor, first version that had it) missing from the latest page; sorted for stable output. */
export function checkAnchorContract(published: readonly RenderedPage[], latest: RenderedPage, file: string): Problem[] {
  const firstSeen = new Map<string, string>();
  for (const page of published) for (const anchor of [...page.anchors].sort()) if (!firstSeen.has(anchor)) firstSeen.set(anchor, page.version);
  return [...firstSeen]
    .filter(([anchor]) => !latest.anchors.has(anchor))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([anchor, version]) => ({ file, line: 0, column: 0, ...describe('anchor-removed', { anchor, version, latest: latest.version }) }));
}
