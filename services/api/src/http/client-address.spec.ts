import { clientKey } from './client-address';

describe('clientKey', () => {
  it('keys an IPv4 client by its address', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.7')).not.toBe(clientKey('203.0.113.8'));
  });

  it('keys an IPv4-mapped IPv6 address as the IPv4 address it maps', () => {
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('keys IPv6 clients by their /64, however the address is written', () => {
    const key = clientKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientKey('2001:DB8:1:2:abcd::9')).toBe(key);
    expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientKey('2001:db8:2:2::1')).not.toBe(key);
  });

  it('keeps an address it cannot parse apart from every valid one, and bounded in length', () => {
    expect(clientKey('not an address')).toBe('other:not an address');
    expect(clientKey('x'.repeat(1000))).toHaveLength('other:'.length + 64);
    expect(clientKey(undefined)).toBe('unknown');
    expect(clientKey(null)).toBe('unknown');
  });
});
