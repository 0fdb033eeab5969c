import { PAYLOAD_CONTENT_TYPES, PROBLEMS } from '@hook0/core';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { expectProblem } from '../../../test/problem-assertions';

const UNLIMITED = 2_147_483_647;

/** Public endpoints (docs/hook0-compatibility.md "Instance and health"): no token, Hook0's shapes. */
describe('public instance endpoints', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({
      REGISTRATION_DISABLED: 'true',
      PASSWORD_MINIMUM_LENGTH: '16',
      SUPPORT_EMAIL_ADDRESS: 'help@example.test',
    });
  });
  afterAll(() => harness.close());

  it('GET /instance describes the configuration, without a token', async () => {
    const response = await harness.http().get('/instance').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      biscuit_public_key: '',
      registration_disabled: true,
      password_minimum_length: 16,
      auto_db_migration: false,
      application_secret_compatibility: true,
      quota_enforcement: false,
      matomo: null,
      formbricks: null,
      support_email_address: 'help@example.test',
      cloudflare_turnstile_site_key: null,
    });
  });

  it('GET /quotas reports quotas off, every limit 2147483647', async () => {
    const response = await harness.http().get('/quotas').expect(200);
    expect(response.body).toEqual({
      enabled: false,
      limits: {
        global_members_per_organization_limit: UNLIMITED,
        global_applications_per_organization_limit: UNLIMITED,
        global_events_per_day_limit: UNLIMITED,
        global_days_of_events_retention_limit: UNLIMITED,
        global_subscriptions_per_application_limit: UNLIMITED,
        global_event_types_per_application_limit: UNLIMITED,
      },
    });
  });

  it('GET /errors lists the whole catalogue as Problem objects', async () => {
    const response = await harness.http().get('/errors').expect(200);
    expect(response.body).toHaveLength(Object.keys(PROBLEMS).length);
    const notFound = response.body.find((problem: { id: string }) => problem.id === 'NotFound');
    expect(notFound).toEqual({
      type: 'https://documentation.hook0.com/reference/error-codes#notfound',
      status: 404,
      title: 'Item not found',
      detail: PROBLEMS.NotFound.detail,
      id: 'NotFound',
      validation: null,
    });
    for (const problem of response.body)
      expect(Object.keys(problem).sort()).toEqual(['detail', 'id', 'status', 'title', 'type', 'validation']);
    expect(response.body.map((problem: { id: string }) => problem.id)).toEqual(
      expect.arrayContaining(['TooManyEventsToday', 'InvalidDateRange', 'RateLimited']),
    );
  });

  it('GET /payload_content_types lists the three content types', async () => {
    const response = await harness.http().get('/payload_content_types/').expect(200);
    expect(response.body).toEqual(['text/plain', 'application/json', 'application/octet-stream+base64']);
    expect(response.body).toEqual([...PAYLOAD_CONTENT_TYPES]);
  });

  it('ignores an Authorization header, even an invalid one', async () => {
    await harness.http().get('/instance').set('Authorization', 'Bearer nonsense').expect(200);
  });

  it.each(['post', 'put', 'delete'] as const)('answers %s on a public path with 404 NotFound', async (method) => {
    expectProblem(await harness.http()[method]('/instance').send({}), 404, 'NotFound');
  });
});

describe('GET /quotas with quotas enforced', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({ ENABLE_QUOTA_ENFORCEMENT: 'true', QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '250' });
  });
  afterAll(() => harness.close());

  it("reports the configured limits, Hook0's defaults for the others", async () => {
    const response = await harness.http().get('/quotas').expect(200);
    expect(response.body).toEqual({
      enabled: true,
      limits: {
        global_members_per_organization_limit: 1,
        global_applications_per_organization_limit: 1,
        global_events_per_day_limit: 250,
        global_days_of_events_retention_limit: 7,
        global_subscriptions_per_application_limit: 10,
        global_event_types_per_application_limit: 10,
      },
    });
    expect((await harness.http().get('/instance').expect(200)).body.quota_enforcement).toBe(true);
  });
});
