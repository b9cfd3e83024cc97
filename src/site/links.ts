/** Site paths of a version's outputs, and which optional outputs exist: nothing links to a page that is not built. */
import { pdfFileName, LATEST_PDF } from '../pdf/published.ts';
import { withBase } from './address.ts';

/** Optional outputs owned by other features; true once their page module exists in the build. */
export interface Available {
  readonly pdf: boolean;
  readonly changelog: boolean;
  readonly changelogFeed: boolean;
  readonly subprocessorsFeed: boolean;
}

export interface OutputLinks {
  readonly page: string;
  readonly json: string;
  readonly pdf?: string;
  /** SHA-256 of the PDF's bytes, so a contract can cite "Exhibit B, v3.2, sha256 …". */
  readonly pdfSha256?: string;
  readonly changelog?: string;
  readonly changelogFeed?: string;
  readonly subprocessorsFeed?: string;
}

export function versionPath(version: string, base = '/'): string {
  return withBase(base, `/v/${version}/`);
}

/** Links for a version's page: the latest page links the unversioned outputs, archived pages their own. */
export function outputLinks(version: string, latest: boolean, available: Available, base = '/'): OutputLinks {
  const page = latest ? withBase(base, '/') : versionPath(version, base);
  return {
    page,
    json: `${page}sla.json`,
    ...(available.pdf ? { pdf: withBase(base, latest ? LATEST_PDF : pdfFileName(version)) } : {}),
    ...(available.changelog ? { changelog: withBase(base, '/changelog/') } : {}),
    ...(available.changelogFeed ? { changelogFeed: withBase(base, '/changelog.xml') } : {}),
    ...(available.subprocessorsFeed ? { subprocessorsFeed: withBase(base, '/subprocessors.xml') } : {}),
  };
}
