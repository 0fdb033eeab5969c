import ipaddr from 'ipaddr.js';

/**
 * The key a client is limited by, from its address (`req.ip`, as `trust proxy` resolves it). An IPv4 address is its
 * own key; an IPv6 client is keyed by its /64, the smallest block a site is usually given, since one host can pick
 * any of the 2^64 addresses in it; an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address it maps.
 */
export function clientKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  if (!ipaddr.isValid(ip)) return `other:${ip.slice(0, 64)}`;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts;
  return `${new ipaddr.IPv6([...parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}
