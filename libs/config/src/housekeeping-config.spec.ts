import { loadApiConfig } from './api-config';
import { ConfigError } from './env-reader';

const DAY_MS = 86_400_000;

describe('housekeeping configuration (docs/hook0-compatibility.md "Retention")', () => {
  it("has Hook0's defaults: report-only, soft-deleted applications kept", () => {
    expect(loadApiConfig({}).housekeeping).toEqual({
      oldEvents: { periodMs: 3_600_000, gracePeriodDays: 30, reportAndDelete: false },
      softDeletedApplications: { enabled: false, periodMs: DAY_MS, gracePeriodMs: 30 * DAY_MS },
      expiredTokens: { periodMs: 3_600_000, gracePeriodMs: 7 * DAY_MS, reportAndDelete: false },
    });
  });

  it("reads every variable under Hook0's name", () => {
    const config = loadApiConfig({
      OLD_EVENTS_CLEANUP_PERIOD_IN_S: '60',
      OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY: '0',
      OLD_EVENTS_CLEANUP_REPORT_AND_DELETE: 'true',
      ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP: 'true',
      SOFT_DELETED_APPLICATIONS_CLEANUP_PERIOD: '6h',
      SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD: '10d',
      EXPIRED_TOKENS_CLEANUP_PERIOD: '10m',
      EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD: '0s',
      EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE: 'true',
    });
    expect(config.housekeeping).toEqual({
      oldEvents: { periodMs: 60_000, gracePeriodDays: 0, reportAndDelete: true },
      softDeletedApplications: { enabled: true, periodMs: 6 * 3_600_000, gracePeriodMs: 10 * DAY_MS },
      expiredTokens: { periodMs: 600_000, gracePeriodMs: 0, reportAndDelete: true },
    });
  });

  it('names every bad value at once', () => {
    let error: unknown;
    try {
      loadApiConfig({
        OLD_EVENTS_CLEANUP_PERIOD_IN_S: '0',
        OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY: '-1',
        OLD_EVENTS_CLEANUP_REPORT_AND_DELETE: 'maybe',
        ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP: 'sure',
        SOFT_DELETED_APPLICATIONS_CLEANUP_PERIOD: '0s',
        SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD: '36501d',
        EXPIRED_TOKENS_CLEANUP_PERIOD: '30d',
        EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD: 'a week',
        EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE: '2',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const named = (error as ConfigError).problems.map((problem) => problem.split(' ')[0]);
    expect(named.sort()).toEqual(
      [
        'OLD_EVENTS_CLEANUP_PERIOD_IN_S',
        'OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY',
        'OLD_EVENTS_CLEANUP_REPORT_AND_DELETE',
        'ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP',
        'SOFT_DELETED_APPLICATIONS_CLEANUP_PERIOD',
        'SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD',
        'EXPIRED_TOKENS_CLEANUP_PERIOD',
        'EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD',
        'EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE',
      ].sort(),
    );
  });
});
