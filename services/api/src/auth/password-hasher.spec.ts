import { parseHash, PasswordHasher } from './password-hasher';

// A cheap cost keeps the unit tests fast; the format and the comparison are the same at any cost.
const hasher = new PasswordHasher({ log2N: 10, r: 8, p: 1 });

describe('PasswordHasher (scrypt)', () => {
  it('stores the algorithm, its parameters, a salt and the key, never the password', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain('horse');
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('treats canonically equivalent Unicode spellings as the same password (NFC)', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait!!');
    await expect(hasher.verify('cafe\u0301 au lait!!', stored)).resolves.toBe(true);
  });

  it('verifies with the parameters stored in the hash, not its own', async () => {
    const stored = await new PasswordHasher({ log2N: 11, r: 4, p: 2 }).hash('another password');
    await expect(hasher.verify('another password', stored)).resolves.toBe(true);
  });

  it.each([
    '',
    'plaintext',
    '$scrypt$ln=15,r=8,p=1$c2FsdA==',
    '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    '$scrypt$ln=15,r=99,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
  ])('refuses a malformed or out-of-bounds stored hash %p without throwing', async (stored) => {
    expect(parseHash(stored)).toBeNull();
    await expect(hasher.verify('whatever', stored)).resolves.toBe(false);
  });

  it('spends a verification on a decoy hash for unknown users, and says no', async () => {
    await expect(hasher.verifyDecoy('whatever')).resolves.toBe(false);
  });
});
