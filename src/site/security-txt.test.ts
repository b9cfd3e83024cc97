import { expect, it } from 'vitest';
import type { Meta } from '../model/meta.ts';
import { securityTxt, securityTxtNotice } from './security-txt.ts';

const meta: Meta = {
  version: '3.2',
  updated: '2026-05-15',
  effective: '2026-06-15',
  product: 'Example MCP',
  company: 'Example, Inc.',
  url: 'https://trust.example.com',
  summary: 'One. Two.',
  contacts: { security: 'security@example.com', security_policy_url: 'https://example.com/disclosure' },
  languages: ['en', 'de'],
};

it('emits the RFC 9116 fields, Expires derived from updated', () => {
  expect(securityTxt(meta)).toMatchInlineSnapshot(`
    "# Security contact for Example MCP, policy version 3.2.
    Contact: mailto:security@example.com
    Expires: 2027-05-14T00:00:00Z
    Policy: https://example.com/disclosure
    Preferred-Languages: en, de
    Canonical: https://trust.example.com/.well-known/security.txt
    "
  `);
});

it('leaves optional fields out when meta lacks them', () => {
  const text = securityTxt({ ...meta, contacts: { security: 'sec@example.com' }, languages: undefined });
  expect(text).not.toMatch(/^(Policy|Preferred-Languages):/m);
  expect(text.match(/^Expires:/gm)).toHaveLength(1);
});

it('names the company nowhere: the product and the contact say who it is for', () => {
  expect(securityTxt(meta)).not.toContain('Example, Inc.');
});

it('under a base path or prefix, Canonical is the host root, where RFC 9116 wants the file, and the build says so', () => {
  const text = securityTxt({ ...meta, url: 'https://www.example.com/docs/security/' });
  expect(text).toContain('Canonical: https://www.example.com/.well-known/security.txt\n');
  expect(securityTxtNotice('/docs/security/', 'security/.well-known/security.txt', text)).toBe(
    'security.txt: written to security/.well-known/security.txt in the output folder; RFC 9116 wants it at https://www.example.com/.well-known/security.txt: serve that file there (copy it or redirect)',
  );
  expect(securityTxtNotice('/', '.well-known/security.txt', securityTxt(meta))).toBeUndefined();
});
