import { expect, it } from 'vitest';
import { absolute, siteRoot, withBase } from './address.ts';

it('joins the site url, the base and a path', () => {
  expect(siteRoot({ url: 'https://trust.northwind.example', base: '/trust/' }, 'https://ignored.example')).toBe('https://trust.northwind.example/trust/');
  expect(siteRoot({ url: undefined, base: '/' }, 'https://trust.example.com')).toBe('https://trust.example.com/');
  // As before the config existed: a path in meta.url is not a base.
  expect(siteRoot({ url: undefined, base: '/' }, 'https://example.com/sla')).toBe('https://example.com/');
  expect(withBase('/trust/', '/v/3.2/#uptime')).toBe('/trust/v/3.2/#uptime');
  expect(withBase('/', '/')).toBe('/');
  expect(absolute('https://h.example/trust/', '/sla.schema.json')).toBe('https://h.example/trust/sla.schema.json');
  expect(absolute('https://h.example', '/.well-known/security.txt')).toBe('https://h.example/.well-known/security.txt');
});
