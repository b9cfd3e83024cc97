/** /.well-known/security.txt (RFC 9116) from a version's meta: Contact, Expires (derived), Policy, Preferred-Languages, Canonical. */
import type { Meta } from '../model/meta.ts';
import { absolute } from './address.ts';
import { securityTxtExpires } from '../validate/security-txt-expiry.ts';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';

export function securityTxt(meta: Meta): string {
  const lines = [
    `# Security contact for ${oneLine(meta.product)} (${oneLine(meta.company)}), policy version ${meta.version}.`,
    `Contact: mailto:${meta.contacts.security}`,
    `Expires: ${securityTxtExpires(meta.updated)}`,
  ];
  if (meta.contacts.security_policy_url) lines.push(`Policy: ${meta.contacts.security_policy_url}`);
  if (meta.languages) lines.push(`Preferred-Languages: ${meta.languages.join(', ')}`);
  lines.push(`Canonical: ${absolute(meta.url, SECURITY_TXT_PATH)}`);
  return lines.join('\n') + '\n';
}

// A newline in a name would start a new field; labels are single-line already, this keeps it so.
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
