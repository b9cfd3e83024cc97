/** SSRF guard for upstream connections: private, loopback, link-local and other special ranges are refused unless explicitly allowed, both for IP-literal base URLs and for every DNS answer at connect time. */

import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { GatewayError } from '../base/errors.ts';

const DENIED_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
];
const DENIED_V6 = ['::/128', '::1/128', '64:ff9b::/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8'];

function addCidr(list: BlockList, cidr: string): void {
  const [addr, bits] = cidr.split('/');
  const family = isIP(addr ?? '');
  if (family === 0) throw new GatewayError(500, 'config', `not an IP range: ${cidr}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(addr!, type);
  else list.addSubnet(addr!, Number(bits), type);
}

export const ADDRESS_REFUSED = 'ERR_GATEWAY_ADDRESS_REFUSED';

export class AddressPolicy {
  readonly #denied = new BlockList();
  readonly #allowed = new BlockList();

  /** `allow`: IPs or CIDRs that may be reached even though they are private, e.g. ["127.0.0.1/32"]. */
  constructor(allow: readonly string[] = []) {
    for (const c of DENIED_V4) addCidr(this.#denied, c);
    for (const c of DENIED_V6) addCidr(this.#denied, c);
    for (const c of allow) addCidr(this.#allowed, c);
  }

  isAllowed(address: string): boolean {
    let ip = address;
    let family = isIP(ip);
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
    const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) : null;
    if (mapped) {
      ip = mapped[1]!;
      family = 4;
    }
    if (family === 0) return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.#allowed.check(ip, type)) return true;
    return !this.#denied.check(ip, type);
  }

  /** A `lookup` for net.connect that fails unless every resolved address is allowed (defeats DNS answers pointing inside). */
  readonly lookup = (
    hostname: string,
    options: { family?: number | string; hints?: number; all?: boolean },
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const opts: LookupAllOptions = { all: true };
    if (options.family === 4 || options.family === 6) opts.family = options.family;
    if (options.hints !== undefined) opts.hints = options.hints;
    dnsLookup(hostname, opts, (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0 || addresses.some((a) => !this.isAllowed(a.address))) {
        const refused: NodeJS.ErrnoException = new Error('upstream address refused by policy');
        refused.code = ADDRESS_REFUSED;
        return callback(refused, '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

  /** Throws at configuration time when a base URL's host is an IP literal outside policy (net.connect skips lookup for literals). */
  assertBaseUrl(url: URL): void {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (isIP(host) !== 0 && !this.isAllowed(host)) {
      throw new GatewayError(500, 'config', `upstream ${url.origin} is in a private or loopback range; allow it explicitly (allowPrivateNetworks)`);
    }
  }
}
