import { HashingLimiter } from '../../auth/hashing-limiter';
import { parseHash, PasswordHasher } from '../../auth/password-hasher';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, login, registerUser } from '../../../test/user-fixtures';

/** This project's first scrypt cost (p = 1), which stored hashes may still carry. */
const OLD_COST = { log2N: 15, r: 8, p: 1 };

describe('password hashes made with older scrypt parameters (docs/api.md, "Passwords")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const stored = async (userId: string) =>
    (
      await probe.query<{ hash: string; changed: Date | null }>(
        'SELECT password_hash AS hash, password_changed_at AS changed FROM app_user WHERE user_id = $1',
        [userId],
      )
    )[0];

  it('are replaced at the next successful login by a hash with the current parameters, which verifies', async () => {
    const user = await registerUser(harness);
    const session = await login(harness, user);
    const oldHash = await new PasswordHasher(new HashingLimiter({ concurrency: 1, queueSize: 0 }), OLD_COST).hash(user.password);
    await probe.query('UPDATE app_user SET password_hash = $2 WHERE user_id = $1', [user.userId, oldHash]);
    const before = await stored(user.userId);

    expectProblem(
      await harness.http().post('/auth/login').send({ email: user.email, password: 'a wrong password here' }),
      401,
      'AuthFailedLogin',
    );
    expect((await stored(user.userId)).hash).toBe(oldHash);

    await login(harness, user);
    const after = await stored(user.userId);
    expect(after.hash).not.toBe(oldHash);
    expect(parseHash(after.hash)?.cost).toEqual({ log2N: 15, r: 8, p: 3 });
    // Not a password change: the same password, the other sessions kept.
    expect(after.changed).toEqual(before.changed);
    await harness.http().get('/organizations').set(bearer(session.accessToken)).expect(200);

    await login(harness, user);
    expect((await stored(user.userId)).hash).toBe(after.hash);
    expectProblem(
      await harness.http().post('/auth/login').send({ email: user.email, password: 'a wrong password here' }),
      401,
      'AuthFailedLogin',
    );
  });
});
