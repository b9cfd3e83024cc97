import { describe, expect, it } from 'vitest';
import { ADDRESS_REFUSED, AddressPolicy } from './address-policy.ts';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy();

  it('refuses private, loopback, link-local and special ranges', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(policy.isAllowed(ip), ip).toBe(false);
    }
  });

  it('allows public addresses', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(policy.isAllowed(ip), ip).toBe(true);
  });

  it('allows explicitly listed ranges only', () => {
    const p = new AddressPolicy(['127.0.0.1/32']);
    expect(p.isAllowed('127.0.0.1')).toBe(true);
    expect(p.isAllowed('127.0.0.2')).toBe(false);
    expect(p.isAllowed('10.0.0.1')).toBe(false);
  });

  it('rejects IP-literal base URLs outside policy at configuration time', () => {
    expect(() => policy.assertBaseUrl(new URL('http://127.0.0.1:8080/api'))).toThrow(/private or loopback/);
    expect(() => policy.assertBaseUrl(new URL('http://[::1]:8080/api'))).toThrow(/private or loopback/);
    expect(() => policy.assertBaseUrl(new URL('https://api.example.com/'))).not.toThrow();
  });

  it('fails DNS answers that point inside', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => policy.lookup('localhost', { all: true }, (e) => resolve(e)));
    expect(err?.code).toBe(ADDRESS_REFUSED);
    const allowed = new AddressPolicy(['127.0.0.1/32', '::1/128']);
    const addrs = await new Promise<unknown>((resolve, reject) => allowed.lookup('localhost', { all: true }, (e, a) => (e ? reject(e) : resolve(a))));
    expect(addrs).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
  });
});
