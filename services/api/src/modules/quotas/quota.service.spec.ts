import { loadApiConfig, UNLIMITED_QUOTA, type QuotaConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { QuotaUsageRepository } from '@hook0/db';
import { QuotaService } from './quota.service';

/** Counts that respect the cap the service passes, as the SQL does. */
function usage(
  counts: Partial<Record<'applications' | 'eventsToday' | 'subscriptions' | 'eventTypes' | 'organizationEventsToday', number>>,
) {
  const capped = (value: number | undefined, cap?: number) => Promise.resolve(Math.min(value ?? 0, cap ?? Number.MAX_SAFE_INTEGER));
  const calls: { method: string; cap?: number; exceptName?: string }[] = [];
  const repository = {
    countLiveApplications: (_id: string, cap?: number) => (calls.push({ method: 'applications', cap }), capped(counts.applications, cap)),
    countEventsToday: (_id: string, cap?: number) => (calls.push({ method: 'eventsToday', cap }), capped(counts.eventsToday, cap)),
    countOrganizationEventsToday: () => capped(counts.organizationEventsToday),
    countLiveSubscriptions: (_id: string, cap?: number) => (
      calls.push({ method: 'subscriptions', cap }),
      capped(counts.subscriptions, cap)
    ),
    countActiveEventTypes: (_id: string, exceptName: string, cap?: number) => (
      calls.push({ method: 'eventTypes', cap, exceptName }),
      capped(counts.eventTypes, cap)
    ),
  };
  return { repository: repository as unknown as QuotaUsageRepository, calls };
}

const enforced = (env: Record<string, string> = {}): QuotaConfig => loadApiConfig({ ENABLE_QUOTA_ENFORCEMENT: 'true', ...env }).quotas;

async function problemOf(action: () => Promise<void> | void): Promise<ProblemError | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
}

describe('QuotaService (docs/hook0-compatibility.md "Quotas")', () => {
  it('checks nothing and reports 2147483647 everywhere while quotas are off', async () => {
    const { repository, calls } = usage({ applications: 99, eventsToday: 10_000, subscriptions: 99, eventTypes: 99 });
    const quotas = new QuotaService(repository, loadApiConfig({ QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '5' }).quotas);
    await quotas.assertCanCreateApplication('o');
    await quotas.assertCanIngest('a');
    await quotas.assertCanCreateSubscription('a');
    await quotas.assertCanCreateEventType('a', 'x.y.z');
    quotas.assertCanAddMember(1_000);
    expect(calls).toEqual([]);
    expect(quotas.enabled).toBe(false);
    expect(Object.values(quotas.limits())).toEqual(Array(6).fill(UNLIMITED_QUOTA));
  });

  it('reports the configured limits while enforced', () => {
    const quotas = new QuotaService(usage({}).repository, enforced({ QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '5' }));
    expect(quotas.limits()).toMatchObject({ eventsPerDay: 5, applicationsPerOrganization: 1, subscriptionsPerApplication: 10 });
  });

  it.each([
    ['applications', 'applications', 'TooManyApplicationsPerOrganization', (q: QuotaService) => q.assertCanCreateApplication('o'), 1],
    ['events today', 'eventsToday', 'TooManyEventsToday', (q: QuotaService) => q.assertCanIngest('a'), 100],
    ['subscriptions', 'subscriptions', 'TooManySubscriptionsPerApplication', (q: QuotaService) => q.assertCanCreateSubscription('a'), 10],
    ['event types', 'eventTypes', 'TooManyEventTypesPerApplication', (q: QuotaService) => q.assertCanCreateEventType('a', 'x.y.z'), 10],
  ] as const)(
    'allows %s below the limit, refuses at it with 429 naming the limit, counting no further than it',
    async (_name, key, id, check, limit) => {
      const below = usage({ [key]: limit - 1 });
      expect(await problemOf(() => check(new QuotaService(below.repository, enforced())))).toBeNull();
      expect(below.calls).toEqual([expect.objectContaining({ cap: limit })]);
      const at = await problemOf(() => check(new QuotaService(usage({ [key]: limit + 5 }).repository, enforced())));
      expect(at).toMatchObject({ problemId: id, status: 429 });
      expect(at!.detail).toContain(String(limit));
    },
  );

  it('says how many events a day the application may ingest, in Hook0 words', async () => {
    const problem = await problemOf(() =>
      new QuotaService(usage({ eventsToday: 3 }).repository, enforced({ QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '3' })).assertCanIngest('a'),
    );
    expect(problem!.detail).toBe('This organization cannot ingest more than 3 events per day. You might want to upgrade to a better plan.');
  });

  it('counts event types other than the one being (re)created', async () => {
    const { repository, calls } = usage({ eventTypes: 0 });
    await new QuotaService(repository, enforced()).assertCanCreateEventType('a', 'billing.invoice.paid');
    expect(calls).toEqual([{ method: 'eventTypes', cap: 10, exceptName: 'billing.invoice.paid' }]);
  });

  it('lets an invitation in while the organization has fewer members than the limit', async () => {
    const quotas = new QuotaService(usage({}).repository, enforced({ QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT: '3' }));
    expect(await problemOf(() => quotas.assertCanAddMember(2))).toBeNull();
    expect(await problemOf(() => quotas.assertCanAddMember(3))).toMatchObject({ problemId: 'TooManyMembersPerOrganization', status: 429 });
  });

  it('a limit of 0 refuses the first one', async () => {
    const quotas = new QuotaService(usage({}).repository, enforced({ QUOTA_GLOBAL_SUBSCRIPTIONS_PER_APPLICATION_LIMIT: '0' }));
    expect(await problemOf(() => quotas.assertCanCreateSubscription('a'))).toMatchObject({
      problemId: 'TooManySubscriptionsPerApplication',
    });
  });

  it('reports consumption uncapped', async () => {
    const quotas = new QuotaService(usage({ applications: 4, eventsToday: 1234, organizationEventsToday: 5000 }).repository, enforced());
    expect(await quotas.applicationConsumption('a')).toEqual({ eventsPerDay: 1234 });
    expect(await quotas.organizationConsumption('o')).toEqual({ applications: 4, eventsPerDay: 5000 });
  });
});
