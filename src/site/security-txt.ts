/**
 * /.well-known/security.txt (RFC 9116) from a version's meta: Contact, Expires (derived), Policy, Preferred-Languages,
 * Canonical. RFC 9116 places the file at the host's root, whatever the site's base path or route prefix: Canonical
 * names that address, and a build under a path says where it wrote the file and what to serve there.
 */
import type { Meta } from '../model/meta.ts';
import { securityTxtExpires } from '../validate/security-txt-expiry.ts';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** Where RFC 9116 wants the file for a site root (meta.url as published): the host's /.well-known/security.txt. */
export function securityTxtUrl(siteRoot: string): string {
  return new URL(SECURITY_TXT_PATH, siteRoot).href;
}

/**
 * The build's one line when the file is not written where it is served (pages under a base path or prefix other than
 * "/"), else undefined. `written`: its path in the output folder; `text`: the file, whose Canonical names the address.
 */
export function securityTxtNotice(pagesPath: string, written: string, text: string): string | undefined {
  if (pagesPath === '/') return undefined;
  const canonical = /^Canonical: (.+)$/m.exec(text)?.[1] ?? SECURITY_TXT_PATH;
  return `security.txt: written to ${written} in the output folder; RFC 9116 wants it at ${canonical}: serve that file there (copy it or redirect)`;
}

export function securityTxt(meta: Meta): string {
  const lines = [
    `# Security contact for ${oneLine(meta.product)}, policy version ${meta.version}.`,
    `Contact: mailto:${meta.contacts.security}`,
    `Expires: ${securityTxtExpires(meta.updated)}`,
  ];
  if (meta.contacts.security_policy_url) lines.push(`Policy: ${meta.contacts.security_policy_url}`);
  if (meta.languages) lines.push(`Preferred-Languages: ${meta.languages.join(', ')}`);
  lines.push(`Canonical: ${securityTxtUrl(meta.url)}`);
  return lines.join('\n') + '\n';
}

// A newline in a name would start a new field; labels are single-line already, this keeps it so.
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
