import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, login, registerUser, registrationBody, TEST_PASSWORD } from '../../../test/user-fixtures';

const IDENTITY_TABLES = ['app_user', 'organization', 'organization_member', 'user_session', 'user_token'];

describe('registration (docs/hook0-compatibility.md "Users and registration")', () => {
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

  const register = (body: Record<string, unknown>) => harness.http().post('/register').send(body);
  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of IDENTITY_TABLES)
      result[table] = Number((await probe.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return result;
  };

  it('creates the user and their first organization, of which they are the editor (201)', async () => {
    const response = await register(registrationBody({ first_name: 'Grace' })).expect(201);
    expect(Object.keys(response.body).sort()).toEqual(['organization_id', 'user_id']);
    const session = await login(harness, {
      email: (await probe.query<{ email: string }>('SELECT email FROM app_user WHERE user_id = $1', [response.body.user_id]))[0].email,
      password: TEST_PASSWORD,
    });
    const organizations = await harness.http().get('/organizations').set(bearer(session.accessToken)).expect(200);
    expect(organizations.body).toEqual([
      { organization_id: response.body.organization_id, role: 'editor', name: "Grace's organization", plan: null },
    ]);
  });

  it('stores the password as a salted scrypt hash, never in clear', async () => {
    const first = await registerUser(harness);
    const second = await registerUser(harness);
    const rows = await probe.query<{ password_hash: string; row: string }>(
      'SELECT password_hash, row_to_json(u)::text AS row FROM app_user u WHERE user_id = ANY($1)',
      [[first.userId, second.userId]],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(row.row).not.toContain(TEST_PASSWORD);
    }
    expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
  });

  it('answers 409 UserAlreadyExist to a taken email, whatever its case, and writes nothing', async () => {
    const user = await registerUser(harness);
    const before = await counts();
    expectProblem(await register(registrationBody({ email: user.email })), 409, 'UserAlreadyExist');
    expectProblem(await register(registrationBody({ email: user.email.toUpperCase() })), 409, 'UserAlreadyExist');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['11 characters', 400, 'PasswordTooShort', 'x'.repeat(11)],
    ['11 characters made of 22 UTF-16 units', 400, 'PasswordTooShort', '😀'.repeat(11)],
    ['257 characters', 400, 'PasswordTooLong', 'x'.repeat(257)],
  ])('refuses a password of %s with %i %s', async (_case, status, id, password) => {
    const before = await counts();
    const response = await register(registrationBody({ password }));
    expectProblem(response, status, id);
    expect(await counts()).toEqual(before);
  });

  it('says the minimum length in PasswordTooShort, and accepts exactly 12 and exactly 256 characters', async () => {
    expect((await register(registrationBody({ password: 'short' }))).body.detail).toBe('Password must be at least 12 characters long.');
    await register(registrationBody({ password: 'x'.repeat(12) })).expect(201);
    await register(registrationBody({ password: '😀'.repeat(256) })).expect(201);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }],
    ['an email over 100 characters', { email: `${'a'.repeat(95)}@example.test` }],
    ['an empty first name', { first_name: '' }],
    ['a last name over 50 characters', { last_name: 'x'.repeat(51) }],
    ['a control character in a name', { first_name: 'Ada\u0007' }],
  ])('answers 422 Validation to %s', async (_case, overrides) => {
    const before = await counts();
    expectProblem(await register(registrationBody(overrides)), 422, 'Validation');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a missing password', { password: undefined }],
    ['a numeric email', { email: 42 }],
    ['a null first name', { first_name: null }],
  ])('answers 400 JsonPayload to %s', async (_case, overrides) => {
    expectProblem(await register(registrationBody(overrides)), 400, 'JsonPayload');
  });

  it('ignores unknown fields and the optional Hook0 fields (turnstile_token, gclid, signup_channel)', async () => {
    await register(registrationBody({ turnstile_token: 't', gclid: 'g', signup_channel: 's', role: 'master', is_admin: true })).expect(201);
  });

  it('needs no token, and ignores one that is given', async () => {
    await register(registrationBody()).set('Authorization', 'Bearer nonsense').expect(201);
  });
});

describe('registration switches', () => {
  it('answers 410 RegistrationDisabled when REGISTRATION_DISABLED=true, and writes nothing', async () => {
    const harness = await startApiHarness({ REGISTRATION_DISABLED: 'true' });
    const probe = await DatabaseProbe.open(harness);
    try {
      expectProblem(await harness.http().post('/register').send(registrationBody()), 410, 'RegistrationDisabled');
      expect(await probe.query('SELECT * FROM app_user')).toEqual([]);
      expectProblem(
        await harness.http().post('/auth/login').send({ email: 'a@example.test', password: TEST_PASSWORD }),
        401,
        'AuthFailedLogin',
      );
    } finally {
      await probe.close();
      await harness.close();
    }
  });

  it('enforces PASSWORD_MINIMUM_LENGTH on registration and on password change', async () => {
    const harness = await startApiHarness({ PASSWORD_MINIMUM_LENGTH: '20' });
    try {
      const response = await harness
        .http()
        .post('/register')
        .send(registrationBody({ password: 'x'.repeat(19) }));
      expectProblem(response, 400, 'PasswordTooShort');
      expect(response.body.detail).toBe('Password must be at least 20 characters long.');
      const user = await registerUser(harness, { password: 'y'.repeat(20) });
      const session = await login(harness, user);
      expectProblem(
        await harness
          .http()
          .post('/auth/password')
          .set(bearer(session.accessToken))
          .send({ new_password: 'z'.repeat(19) }),
        400,
        'PasswordTooShort',
      );
    } finally {
      await harness.close();
    }
  });
});
