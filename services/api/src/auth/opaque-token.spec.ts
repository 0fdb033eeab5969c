import { createHash } from 'node:crypto';
import { hashToken, mintToken, tokenHint, tokenKind, TOKEN_PREFIXES } from './opaque-token';

describe('opaque tokens', () => {
  it.each(Object.entries(TOKEN_PREFIXES))(
    'mints %s tokens: prefix, 43 base64url characters (256 random bits), SHA-256 hash',
    (kind, prefix) => {
      const token = mintToken(kind as keyof typeof TOKEN_PREFIXES);
      expect(token.value).toMatch(new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`));
      expect(token.hash).toEqual(createHash('sha256').update(token.value).digest());
      expect(token.hash).toHaveLength(32);
      expect(tokenKind(token.value)).toBe(kind);
    },
  );

  it('never mints the same token twice', () => {
    const values = new Set(Array.from({ length: 1000 }, () => mintToken('access').value));
    expect(values.size).toBe(1000);
  });

  it.each([
    '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    'hk0_at_',
    'hk0_at_short',
    `hk0_at_${'A'.repeat(44)}`,
    `hk0_xx_${'A'.repeat(43)}`,
    `HK0_AT_${'A'.repeat(43)}`,
    `hk0_at_${'A'.repeat(42)}=`,
    `hk0_at_${'A'.repeat(42)}+`,
  ])('does not recognise %s as one of its tokens', (value) => {
    expect(tokenKind(value)).toBeNull();
  });

  it('hashes the exact string (one changed character, another hash)', () => {
    const { value } = mintToken('refresh');
    const altered = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
    expect(hashToken(altered).equals(hashToken(value))).toBe(false);
  });

  it('hints at a token with its prefix and 6 characters only', () => {
    const { value } = mintToken('service');
    expect(tokenHint(value)).toBe(`${value.slice(0, 13)}…`);
    expect(tokenKind(tokenHint(value))).toBeNull();
  });
});
