/**
 * Where the site is published: slapage.config.yaml's site.url (else each version's meta.url) plus site.base. Absolute
 * URLs (canonical links, feeds, security.txt, sla.json) derive from the address; in-site links are prefixed with the base.
 */
import type { Policy } from '../model/policy.ts';

export interface SiteAddress {
  /** config site.url; undefined to use each version's meta.url. */
  readonly url: string | undefined;
  /** "/" or "/trust/". */
  readonly base: string;
}

/** The absolute address of the site's root, ending in "/", e.g. https://trust.example.com/trust/. */
export function siteRoot(address: SiteAddress, metaUrl: string): string {
  return new URL(address.base, address.url ?? metaUrl).href;
}

/** The policy as published at `address`: meta.url becomes the site root, so every absolute URL derived from it is right. */
export function publishedAt(policy: Policy, address: SiteAddress): Policy {
  const url = siteRoot(address, policy.meta.url);
  return url === policy.meta.url ? policy : { ...policy, meta: { ...policy.meta, url } };
}

/** A site path ("/v/3.2/#uptime", "/") under the base ("/trust/v/3.2/#uptime"). */
export function withBase(base: string, path: string): string {
  return base + path.replace(/^\//, '');
}

/** An absolute URL of a site path, from a site root as `siteRoot` gives it (or a meta.url that `publishedAt` set). */
export function absolute(root: string, path: string): string {
  return new URL(path.replace(/^\//, ''), root.endsWith('/') ? root : root + '/').href;
}
