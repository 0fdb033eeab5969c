import { createHash } from 'node:crypto';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, login, registerUser, type TestSession, type TestUser } from '../../../test/user-fixtures';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

describe('login, refresh, logout (docs/hook0-compatibility.md "Users and registration")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let user: TestUser;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    user = await registerUser(harness, { first_name: 'Ada', last_name: 'Lovelace' });
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const organizations = (token: string) => harness.http().get('/organizations').set(bearer(token));
  const refresh = (token: string) => harness.http().post('/auth/refresh').set(bearer(token));
  const logout = (token: string) => harness.http().post('/auth/logout').set(bearer(token));

  it('answers 201 with Hook0 LoginResponse: prefixed opaque tokens, their expirations (5 and 30 minutes), the user', async () => {
    const before = Date.now();
    const response = await harness.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(201);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^hk0_at_[A-Za-z0-9_-]{43}$/),
      access_token_expiration: expect.any(String),
      refresh_token: expect.stringMatching(/^hk0_rt_[A-Za-z0-9_-]{43}$/),
      refresh_token_expiration: expect.any(String),
      user_id: user.userId,
      email: user.email,
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    const accessTtl = Date.parse(response.body.access_token_expiration) - before;
    const refreshTtl = Date.parse(response.body.refresh_token_expiration) - before;
    expect(accessTtl).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
    expect(accessTtl).toBeLessThanOrEqual(5 * 60_000 + 5_000);
    expect(refreshTtl).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(refreshTtl).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    await organizations(response.body.access_token).expect(200);
  });

  it('accepts the email in any case', async () => {
    await harness.http().post('/auth/login').send({ email: user.email.toUpperCase(), password: user.password }).expect(201);
  });

  it('answers the same 401 AuthFailedLogin to a wrong password and to an unknown email', async () => {
    const wrong = await harness
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: `${user.password}!` });
    const unknown = await harness
      .http()
      .post('/auth/login')
      .send({ email: `nobody-${user.email}`, password: user.password });
    const huge = await harness
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: 'x'.repeat(10_000) });
    expectProblem(wrong, 401, 'AuthFailedLogin');
    expect(unknown.body).toEqual(wrong.body);
    expect(huge.body).toEqual(wrong.body);
  });

  it('stores tokens only as SHA-256 hashes', async () => {
    const session = await login(harness, user);
    for (const token of [session.accessToken, session.refreshToken]) {
      expect(await probe.query('SELECT kind FROM user_token WHERE token_hash = $1', [sha256(token)])).toHaveLength(1);
      const dump = await probe.query<{ t: string }>(
        `SELECT string_agg(t, '|') AS t FROM (SELECT row_to_json(x)::text AS t FROM user_token x UNION ALL
         SELECT row_to_json(x)::text FROM user_session x UNION ALL SELECT row_to_json(x)::text FROM app_user x) rows`,
      );
      expect(dump[0].t).not.toContain(token.slice(7));
    }
  });

  it('takes refresh tokens only at /auth/refresh and /auth/logout, and access tokens everywhere but /auth/refresh', async () => {
    const session = await login(harness, user);
    expectProblem(await organizations(session.refreshToken), 403, 'AuthInvalidBiscuit');
    expectProblem(await refresh(session.accessToken), 401, 'AuthFailedRefresh');
    expectProblem(await refresh(harness.masterKey), 401, 'AuthFailedRefresh');
    expectProblem(await refresh('hk0_rt_' + 'A'.repeat(43)), 401, 'AuthFailedRefresh');
    expectProblem(await harness.http().post('/auth/refresh'), 401, 'AuthNoAuthorizationHeader');
  });

  it('rotates on refresh: a new pair, the old refresh token dead, the old access token still valid until it expires', async () => {
    const first = await login(harness, user);
    const response = await refresh(first.refreshToken).expect(201);
    expect(response.body.refresh_token).not.toBe(first.refreshToken);
    expect(response.body.access_token).not.toBe(first.accessToken);
    expect(response.body.user_id).toBe(user.userId);
    await organizations(response.body.access_token).expect(200);
    await organizations(first.accessToken).expect(200);
    await refresh(response.body.refresh_token).expect(201);
  });

  it('treats the reuse of a rotated refresh token as theft: 401, and the whole session is revoked', async () => {
    const first = await login(harness, user);
    const rotated = (await refresh(first.refreshToken).expect(201)).body;
    expectProblem(await refresh(first.refreshToken), 401, 'AuthFailedRefresh');
    expectProblem(await organizations(rotated.access_token), 403, 'AuthInvalidBiscuit');
    expectProblem(await refresh(rotated.refresh_token), 401, 'AuthFailedRefresh');
    await organizations((await login(harness, user)).accessToken).expect(200);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const session = await login(harness, user);
    const statuses = (await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 401]);
  });

  it('refuses expired tokens: 403 for an access token, 401 AuthFailedRefresh for a refresh token', async () => {
    const session = await login(harness, user);
    await probe.query(`UPDATE user_token SET expires_at = now() - interval '1 second' WHERE token_hash = ANY($1)`, [
      [sha256(session.accessToken), sha256(session.refreshToken)],
    ]);
    expectProblem(await organizations(session.accessToken), 403, 'AuthInvalidBiscuit');
    expectProblem(await refresh(session.refreshToken), 401, 'AuthFailedRefresh');
  });

  it("forgets the user's expired tokens, and the sessions they leave empty, at the next login", async () => {
    const session = await login(harness, user);
    const hashes = [sha256(session.accessToken), sha256(session.refreshToken)];
    const [{ session_id: sessionId }] = await probe.query<{ session_id: string }>(
      'SELECT session_id FROM user_token WHERE token_hash = $1',
      [hashes[0]],
    );
    await probe.query(`UPDATE user_token SET expires_at = now() - interval '1 second' WHERE token_hash = ANY($1)`, [hashes]);
    await login(harness, user);
    expect(await probe.query('SELECT 1 FROM user_token WHERE token_hash = ANY($1)', [hashes])).toEqual([]);
    expect(await probe.query('SELECT 1 FROM user_session WHERE session_id = $1', [sessionId])).toEqual([]);
  });

  it.each([
    ['its access token', (s: TestSession) => s.accessToken],
    ['its refresh token', (s: TestSession) => s.refreshToken],
  ])('logs out with %s (204): both tokens of the session stop working, other sessions do not', async (_case, pick) => {
    const session = await login(harness, user);
    const other = await login(harness, user);
    await logout(pick(session)).expect(204);
    expectProblem(await organizations(session.accessToken), 403, 'AuthInvalidBiscuit');
    expectProblem(await refresh(session.refreshToken), 401, 'AuthFailedRefresh');
    await organizations(other.accessToken).expect(200);
    const [row] = await probe.query<{ revoked: boolean }>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM user_token WHERE token_hash = $1',
      [sha256(session.accessToken)],
    );
    expect(row.revoked).toBe(true);
  });

  it('answers 401 to a logout without a token, 403 to one with a token of no session', async () => {
    expectProblem(await harness.http().post('/auth/logout'), 401, 'AuthNoAuthorizationHeader');
    expectProblem(await logout('hk0_at_' + 'B'.repeat(43)), 403, 'AuthInvalidBiscuit');
    expectProblem(await logout(harness.masterKey), 403, 'Forbidden');
  });
});
