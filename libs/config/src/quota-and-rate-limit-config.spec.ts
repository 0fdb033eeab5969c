import { loadApiConfig } from './api-config';
import { ConfigError } from './env-reader';
import { UNLIMITED_QUOTA } from './quota-config';

describe('quota configuration (docs/hook0-compatibility.md "Quotas")', () => {
  it('is off by default, with Hook0 global defaults kept for when it is turned on', () => {
    expect(loadApiConfig({}).quotas).toEqual({
      enabled: false,
      limits: {
        membersPerOrganization: 1,
        applicationsPerOrganization: 1,
        eventsPerDay: 100,
        daysOfEventsRetention: 7,
        subscriptionsPerApplication: 10,
        eventTypesPerApplication: 10,
      },
    });
  });

  it('reads ENABLE_QUOTA_ENFORCEMENT and every QUOTA_GLOBAL_* limit', () => {
    const config = loadApiConfig({
      ENABLE_QUOTA_ENFORCEMENT: 'true',
      QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT: '5',
      QUOTA_GLOBAL_APPLICATIONS_PER_ORGANIZATION_LIMIT: '3',
      QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '1000',
      QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT: '30',
      QUOTA_GLOBAL_SUBSCRIPTIONS_PER_APPLICATION_LIMIT: '0',
      QUOTA_GLOBAL_EVENT_TYPES_PER_APPLICATION_LIMIT: String(UNLIMITED_QUOTA),
    });
    expect(config.quotas).toEqual({
      enabled: true,
      limits: {
        membersPerOrganization: 5,
        applicationsPerOrganization: 3,
        eventsPerDay: 1000,
        daysOfEventsRetention: 30,
        subscriptionsPerApplication: 0,
        eventTypesPerApplication: UNLIMITED_QUOTA,
      },
    });
  });

  it.each(['-1', '2147483648', 'ten', '1.5'])('refuses the limit %s', (raw) => {
    expect(() => loadApiConfig({ QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: raw })).toThrow(ConfigError);
  });
});

describe('rate limit configuration (docs/hook0-compatibility.md "Rate limits")', () => {
  it("has Hook0's buckets by default: global 2000 / 1 ms, per IP 200 / 10 ms, per token 20 / 100 ms", () => {
    expect(loadApiConfig({}).rateLimits).toEqual({
      global: { enabled: true, burst: 2000, periodMs: 1 },
      ip: { enabled: true, burst: 200, periodMs: 10 },
      token: { enabled: true, burst: 20, periodMs: 100 },
    });
  });

  it('switches every limiter off with DISABLE_API_RATE_LIMITING', () => {
    const { global, ip, token } = loadApiConfig({ DISABLE_API_RATE_LIMITING: 'true' }).rateLimits;
    expect([global.enabled, ip.enabled, token.enabled]).toEqual([false, false, false]);
  });

  it('switches one limiter off and resizes the others', () => {
    const limits = loadApiConfig({
      DISABLE_API_RATE_LIMITING_IP: 'true',
      API_RATE_LIMITING_TOKEN_BURST_SIZE: '5',
      API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '1000',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '10',
    }).rateLimits;
    expect(limits).toEqual({
      global: { enabled: true, burst: 10, periodMs: 1 },
      ip: { enabled: false, burst: 200, periodMs: 10 },
      token: { enabled: true, burst: 5, periodMs: 1000 },
    });
  });

  it.each([
    ['API_RATE_LIMITING_IP_BURST_SIZE', '0'],
    ['API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS', '0'],
    ['DISABLE_API_RATE_LIMITING_GLOBAL', 'maybe'],
  ])('refuses %s=%s', (name, raw) => {
    expect(() => loadApiConfig({ [name]: raw })).toThrow(ConfigError);
  });
});

describe('health check configuration (docs/hook0-compatibility.md "Instance and health")', () => {
  it('tells an unset HEALTH_CHECK_KEY (null) from an empty one (public)', () => {
    expect(loadApiConfig({}).healthCheckKey).toBeNull();
    expect(loadApiConfig({ HEALTH_CHECK_KEY: '' }).healthCheckKey).toBe('');
    expect(loadApiConfig({ HEALTH_CHECK_KEY: 's3cret' }).healthCheckKey).toBe('s3cret');
  });

  it('times subsystem checks out after HEALTH_CHECK_TIMEOUT, 5 s by default', () => {
    expect(loadApiConfig({}).healthCheckTimeoutMs).toBe(5_000);
    expect(loadApiConfig({ HEALTH_CHECK_TIMEOUT: '250ms' }).healthCheckTimeoutMs).toBe(250);
    expect(() => loadApiConfig({ HEALTH_CHECK_TIMEOUT: '0s' })).toThrow(ConfigError);
  });
});
