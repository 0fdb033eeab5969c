import { addressRefusal, ForbiddenAddressError, vettedLookup } from './address-policy';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'nonPublic'],
    ['10.1.2.3', 'nonPublic'],
    ['172.16.0.1', 'nonPublic'],
    ['192.168.1.1', 'nonPublic'],
    ['169.254.169.254', 'nonPublic'],
    ['100.64.0.1', 'nonPublic'],
    ['224.0.0.1', 'nonPublic'],
    ['255.255.255.255', 'nonPublic'],
    ['192.0.2.1', 'nonPublic'],
    ['::1', 'nonPublic'],
    ['fe80::1', 'nonPublic'],
    ['fd00::1', 'nonPublic'],
    ['::ffff:127.0.0.1', 'nonPublic'],
    ['::ffff:10.0.0.1', 'nonPublic'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['not-an-address', 'nonPublic'],
    ['8.8.8.8', null],
    ['::ffff:8.8.8.8', null],
    ['2001:4860:4860::8888', null],
  ] as const)('%s -> %s', (address, rule) => {
    expect(addressRefusal(address)).toBe(rule);
  });
});

describe('vettedLookup', () => {
  const lookup = (hostname: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      vettedLookup(hostname, { all }, (error, address) => resolve({ error, address })),
    );

  it.each([true, false])('refuses a name resolving to loopback (all: %p), naming the rule only', async (all) => {
    const { error } = await lookup('localhost', all);

    expect(error).toBeInstanceOf(ForbiddenAddressError);
    expect((error as ForbiddenAddressError).rule).toBe('nonPublic');
    expect(error?.message).not.toMatch(/127\.0\.0\.1|::1|localhost/);
  });

  it('passes a resolver failure through unchanged', async () => {
    const { error } = await lookup('no-such-host.invalid', false);

    expect(error?.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});
