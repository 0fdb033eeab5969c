import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { expectProblem } from '../../../test/problem-assertions';
import { registerUser, type TestUser } from '../../../test/user-fixtures';

/** Failed logins are throttled per (email, client address) and per address, never per email alone (docs/api.md, "Passwords"). */
describe('login throttling', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({
      TRUST_PROXY_HOPS: '1',
      LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: '3',
      LOGIN_MAX_FAILURES_PER_IP: '6',
      LOGIN_FAILURE_WINDOW: '10m',
    });
  });
  afterAll(() => harness.close());

  const login = (from: string, email: string, password: string) =>
    harness.http().post('/auth/login').set('X-Forwarded-For', from).send({ email, password });
  const wrong = (from: string, user: Pick<TestUser, 'email'>) => login(from, user.email, 'not the password at all');

  it('refuses an email from one address with 429 RateLimited and Retry-After after its failures, while the same email from elsewhere logs in', async () => {
    const user = await registerUser(harness);
    for (let i = 0; i < 3; i += 1) expectProblem(await wrong('198.51.100.1', user), 401, 'AuthFailedLogin');
    const refused = await login('198.51.100.1', user.email, user.password);
    expectProblem(refused, 429, 'RateLimited');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The victim, from their own address, is not locked out; the email in another case is the same pair.
    await login('198.51.100.2', user.email, user.password).expect(201);
    expectProblem(await login('198.51.100.1', user.email.toUpperCase(), user.password), 429, 'RateLimited');
  });

  it('refuses an address after its budget of failures spread over many emails, for every email, and no other address', async () => {
    const user = await registerUser(harness);
    for (let i = 0; i < 6; i += 1)
      expectProblem(await wrong('198.51.100.3', { email: `nobody-${i}@example.test` }), 401, 'AuthFailedLogin');
    expectProblem(await login('198.51.100.3', user.email, user.password), 429, 'RateLimited');
    await login('198.51.100.4', user.email, user.password).expect(201);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const user = await registerUser(harness);
    for (let i = 0; i < 3; i += 1) expectProblem(await wrong(`2001:db8:7:7::${i + 1}`, user), 401, 'AuthFailedLogin');
    expectProblem(await login('2001:db8:7:7::99', user.email, user.password), 429, 'RateLimited');
    await login('2001:db8:7:8::1', user.email, user.password).expect(201);
  });

  it("clears the pair's failures on a successful login", async () => {
    const user = await registerUser(harness);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 2; i += 1) expectProblem(await wrong('198.51.100.5', user), 401, 'AuthFailedLogin');
      await login('198.51.100.5', user.email, user.password).expect(201);
    }
    // Four failures in all, past the three allowed had the first success not cleared them.
    expectProblem(await wrong('198.51.100.5', user), 401, 'AuthFailedLogin');
  });
});
