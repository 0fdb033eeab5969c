import { createTenant, startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, login, registerUser, type TestUser } from '../../../test/user-fixtures';

const NEW_PASSWORD = 'a much better passphrase';

describe('POST /auth/password (docs/hook0-compatibility.md "Users and registration")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let user: TestUser;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    user = await registerUser(harness);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const change = (auth: Record<string, string>, body: unknown) =>
    harness
      .http()
      .post('/auth/password')
      .set(auth)
      .send(body as object);
  const hashOf = async (userId: string) =>
    (await probe.query<{ h: string }>('SELECT password_hash AS h FROM app_user WHERE user_id = $1', [userId]))[0].h;

  it('changes the password (204): the old one fails, the new one works, this session stays, the others are revoked', async () => {
    const current = await login(harness, user);
    const other = await login(harness, user);
    await change(bearer(current.accessToken), { new_password: NEW_PASSWORD }).expect(204);
    expectProblem(await harness.http().post('/auth/login').send({ email: user.email, password: user.password }), 401, 'AuthFailedLogin');
    await login(harness, { email: user.email, password: NEW_PASSWORD });
    await harness.http().get('/organizations').set(bearer(current.accessToken)).expect(200);
    await harness.http().post('/auth/refresh').set(bearer(current.refreshToken)).expect(201);
    expectProblem(await harness.http().get('/organizations').set(bearer(other.accessToken)), 403, 'AuthInvalidBiscuit');
    expectProblem(await harness.http().post('/auth/refresh').set(bearer(other.refreshToken)), 401, 'AuthFailedRefresh');
    expect(await hashOf(user.userId)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a short or a long new password (400) and keeps the old hash', async () => {
    const other = await registerUser(harness);
    const session = await login(harness, other);
    const before = await hashOf(other.userId);
    expectProblem(await change(bearer(session.accessToken), { new_password: 'short' }), 400, 'PasswordTooShort');
    expectProblem(await change(bearer(session.accessToken), { new_password: 'x'.repeat(257) }), 400, 'PasswordTooLong');
    expectProblem(await change(bearer(session.accessToken), {}), 400, 'JsonPayload');
    expect(await hashOf(other.userId)).toBe(before);
  });

  it('is for users only: 403 to the master key, an application secret, a refresh token; 401 without a token', async () => {
    const tenant = await createTenant(harness, []);
    const session = await login(harness, await registerUser(harness));
    const body = { new_password: NEW_PASSWORD };
    expectProblem(await change(bearer(harness.masterKey), body), 403, 'Forbidden');
    expectProblem(await change(bearer(tenant.secret), body), 403, 'Forbidden');
    expectProblem(await change(bearer(session.refreshToken), body), 403, 'AuthInvalidBiscuit');
    expectProblem(await harness.http().post('/auth/password').send(body), 401, 'AuthNoAuthorizationHeader');
  });
});
