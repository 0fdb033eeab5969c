import { HashingLimiter } from './hashing-limiter';
import { DEFAULT_SCRYPT_COST, parseHash, PasswordHasher } from './password-hasher';

const limiter = new HashingLimiter({ concurrency: 2, queueSize: 32 });
// A cheap cost keeps the unit tests fast; the format and the comparison are the same at any cost.
const hasher = new PasswordHasher(limiter, { log2N: 10, r: 8, p: 1 });

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
    const stored = await new PasswordHasher(limiter, { log2N: 11, r: 4, p: 2 }).hash('another password');
    await expect(hasher.verify('another password', stored)).resolves.toBe(true);
  });

  it.each([
    '',
    'plaintext',
    '$scrypt$ln=15,r=8,p=1$c2FsdA==',
    '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    '$scrypt$ln=15,r=99,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    // 64 MiB of working memory, past the 32 MiB a stored hash may ask for.
    '$scrypt$ln=16,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    '$scrypt$ln=15,r=8,p=17$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
  ])('refuses a malformed or out-of-bounds stored hash %p without throwing', async (stored) => {
    expect(parseHash(stored)).toBeNull();
    await expect(hasher.verify('whatever', stored)).resolves.toBe(false);
  });

  it('spends a verification on a decoy hash for unknown users, and says no', async () => {
    await expect(hasher.verifyDecoy('whatever')).resolves.toBe(false);
  });

  it("hashes with OWASP's N = 2^15, r = 8, p = 3 by default, within 32 MiB, and verifies it", async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ log2N: 15, r: 8, p: 3 });
    const production = new PasswordHasher(limiter);
    const stored = await production.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    await expect(production.verify('correct horse battery staple', stored)).resolves.toBe(true);
  });

  it('asks for a new hash when the stored one was made with other parameters, not when it has the current ones', async () => {
    const older = await new PasswordHasher(limiter, { log2N: 10, r: 8, p: 2 }).hash('a password to keep');
    expect(hasher.needsRehash(older)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('a password to keep'))).toBe(false);
    expect(hasher.needsRehash('not a hash')).toBe(false);
  });

  it('derives every key through the limiter: past its queue, 503 ServiceUnavailable instead of one more scrypt', async () => {
    const tight = new PasswordHasher(new HashingLimiter({ concurrency: 1, queueSize: 0 }), { log2N: 10, r: 8, p: 1 });
    const stored = await hasher.hash('password');
    const [first, second] = await Promise.allSettled([tight.verify('password', stored), tight.hash('password')]);
    expect(first).toEqual({ status: 'fulfilled', value: true });
    expect(second).toMatchObject({ status: 'rejected', reason: { problemId: 'ServiceUnavailable', status: 503 } });
  });
});
