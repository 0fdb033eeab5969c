import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Which rule refused an address (docs/security.md); the stored text names the rule, never the address. */
export type AddressRule = 'nonPublic' | 'unspecified';

/**
 * A target address the SSRF policy refuses. It carries the rule only: the address and the host name stay out of the
 * message, so nothing DNS answered reaches the stored attempt or the logs.
 */
export class ForbiddenAddressError extends Error {
  readonly code = 'E_FORBIDDEN_ADDRESS';

  constructor(readonly rule: AddressRule) {
    super(rule === 'unspecified' ? 'target resolves to an unspecified address' : 'target resolves to a non-public address');
    this.name = 'ForbiddenAddressError';
  }
}

/**
 * Why `address` may not be connected to, or null when it is a public unicast address. Everything that is not
 * global unicast is refused: loopback, private, link-local (cloud metadata at 169.254.169.254 included), carrier-grade
 * NAT, multicast, reserved, unique-local, and IPv4 mapped or embedded in IPv6 with one of those ranges.
 */
export function addressRefusal(address: string): AddressRule | null {
  if (isIP(address) === 0) return 'nonPublic';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unspecified') return 'unspecified';
  return range === 'unicast' ? null : 'nonPublic';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type LookupOptions = LookupOneOptions | LookupAllOptions;

/**
 * `dns.lookup` with every answer vetted: one refused address refuses the host, so a name resolving to a public and a
 * private address cannot be steered to the private one. Given to `net.connect`, it is the lookup of the connection.
 */
export function vettedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const rule = addressRefusal(address);
      if (rule !== null) return callback(new ForbiddenAddressError(rule), []);
    }
    if (options.all === true) return callback(null, addresses);
    const [first] = addresses;
    if (first === undefined) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
