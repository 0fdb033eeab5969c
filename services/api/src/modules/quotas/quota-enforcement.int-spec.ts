import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { eventBody, ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const UNLIMITED = 2_147_483_647;

/** Quotas enforced (docs/hook0-compatibility.md "Quotas"): each limit refuses the one past it with 429 and writes nothing. */
describe('quotas, enforced', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let master: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness({
      ENABLE_QUOTA_ENFORCEMENT: 'true',
      QUOTA_GLOBAL_APPLICATIONS_PER_ORGANIZATION_LIMIT: '1',
      QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '3',
      QUOTA_GLOBAL_SUBSCRIPTIONS_PER_APPLICATION_LIMIT: '2',
      QUOTA_GLOBAL_EVENT_TYPES_PER_APPLICATION_LIMIT: '2',
      QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT: '14',
    });
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness, ['billing.invoice.paid']);
    master = { Authorization: `Bearer ${harness.masterKey}` };
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const replay = (tenant: Tenant, eventId: string) =>
    harness
      .http()
      .post(`/events/${eventId}/replay`)
      .set({ Authorization: `Bearer ${tenant.secret}` })
      .send({ application_id: tenant.applicationId });
  const roundOf = async (eventId: string) =>
    (await probe.query<{ dispatch_round: number }>('SELECT dispatch_round FROM event WHERE event_id = $1', [eventId]))[0].dispatch_round;
  const replayedToday = async (tenant: Tenant) =>
    Number(
      (
        await probe.query<{ n: string }>('SELECT coalesce(sum(amount), 0) AS n FROM replayed_events_per_day WHERE application_id = $1', [
          tenant.applicationId,
        ])
      )[0].n,
    );

  it('refuses a second application in the organization with 429 TooManyApplicationsPerOrganization', async () => {
    const before = await probe.counts();
    const response = await harness
      .http()
      .post('/applications')
      .set(master)
      .send({ organization_id: tenant.organizationId, name: 'Second' });
    expectProblem(response, 429, 'TooManyApplicationsPerOrganization');
    expect(response.body.detail).toContain('1 applications');
    expect(await probe.counts()).toEqual(before);
  });

  it('refuses a third active event type, but re-creating an existing one still works', async () => {
    const secret = { Authorization: `Bearer ${tenant.secret}` };
    const create = (verb: string) =>
      harness
        .http()
        .post('/event_types')
        .set(secret)
        .send({ application_id: tenant.applicationId, service: 'billing', resource_type: 'invoice', verb });
    await create('refunded').expect(201);
    expectProblem(await create('voided'), 429, 'TooManyEventTypesPerApplication');
    await create('paid').expect(201);
    await harness
      .http()
      .delete('/event_types/billing.invoice.refunded')
      .query({ application_id: tenant.applicationId })
      .set(secret)
      .expect(204);
    await create('voided').expect(201);
    expectProblem(await create('refunded'), 429, 'TooManyEventTypesPerApplication');
  });

  it('refuses a third live subscription; deleting one makes room', async () => {
    const create = () => harness.http().post('/subscriptions').set(master).send(subscriptionBody(tenant.applicationId));
    const first = await create().expect(201);
    await create().expect(201);
    const before = await probe.counts();
    const refused = await create();
    expectProblem(refused, 429, 'TooManySubscriptionsPerApplication');
    expect(refused.body.detail).toContain('2 subscriptions');
    expect(await probe.counts()).toEqual(before);
    await harness
      .http()
      .delete(`/subscriptions/${first.body.subscription_id}`)
      .query({ application_id: tenant.applicationId })
      .set(master)
      .expect(204);
    await create().expect(201);
  });

  it('refuses the event past today’s limit with 429 TooManyEventsToday naming the limit, before looking at the payload', async () => {
    const application = await harness.http().get(`/applications/${tenant.applicationId}`).set(master).expect(200);
    expect(application.body.consumption).toEqual({ events_per_day: 0 });
    for (let i = 0; i < 3; i += 1) await ingestEvent(harness, tenant);
    const before = await probe.counts();
    const refused = await harness
      .http()
      .post('/event')
      .set({ Authorization: `Bearer ${tenant.secret}` })
      .send(eventBody(tenant));
    expectProblem(refused, 429, 'TooManyEventsToday');
    expect(refused.body.detail).toBe(
      'This organization cannot ingest more than 3 events per day. You might want to upgrade to a better plan.',
    );
    const badPayload = await harness
      .http()
      .post('/event')
      .set(master)
      .send(eventBody(tenant, { payload_content_type: 'image/png' }));
    expectProblem(badPayload, 429, 'TooManyEventsToday');
    expect(await probe.counts()).toEqual(before);
  });

  it('counts only today (UTC): events received before midnight leave room', async () => {
    const fresh = await createTenant(harness);
    const ids = [await ingestEvent(harness, fresh), await ingestEvent(harness, fresh), await ingestEvent(harness, fresh)];
    expectProblem(await harness.http().post('/event').set(master).send(eventBody(fresh)), 429, 'TooManyEventsToday');
    await probe.query(
      `UPDATE event SET received_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 microsecond' WHERE event_id = ANY($1)`,
      [ids],
    );
    await ingestEvent(harness, fresh);
  });

  it('counts an accepted replay as one event of today, and refuses the replay past the limit with 429 TooManyEventsToday, re-dispatching nothing', async () => {
    const fresh = await createTenant(harness);
    const [first, second] = [await ingestEvent(harness, fresh), await ingestEvent(harness, fresh)];
    await replay(fresh, first).expect(204);
    expect(await roundOf(first)).toBe(1);
    const application = await harness.http().get(`/applications/${fresh.applicationId}`).set(master).expect(200);
    expect(application.body.consumption).toEqual({ events_per_day: 3 });
    const organization = await harness.http().get(`/organizations/${fresh.organizationId}`).set(master).expect(200);
    expect(organization.body.consumption).toMatchObject({ events_per_day: 3 });

    const before = { counts: await probe.counts(), replayed: await replayedToday(fresh) };
    const refused = await replay(fresh, second);
    expectProblem(refused, 429, 'TooManyEventsToday');
    expect(refused.body.detail).toBe(
      'This organization cannot ingest more than 3 events per day. You might want to upgrade to a better plan.',
    );
    expectProblem(await replay(fresh, first), 429, 'TooManyEventsToday');
    expectProblem(await harness.http().post('/event').set(master).send(eventBody(fresh)), 429, 'TooManyEventsToday');
    expect([await roundOf(first), await roundOf(second)]).toEqual([1, 0]);
    expect({ counts: await probe.counts(), replayed: await replayedToday(fresh) }).toEqual(before);
    expect(before.replayed).toBe(1);
  });

  it('keeps replays out of events_per_day, which counts the events received', async () => {
    const fresh = await createTenant(harness);
    const eventId = await ingestEvent(harness, fresh);
    await replay(fresh, eventId).expect(204);
    await replay(fresh, eventId).expect(204);
    const perDay = await harness
      .http()
      .get('/events_per_day/application')
      .query({ application_id: fresh.applicationId })
      .set(master)
      .expect(200);
    expect(perDay.body.map((row: { amount: number }) => row.amount)).toEqual([1]);
    expectProblem(await replay(fresh, eventId), 429, 'TooManyEventsToday');
  });

  it('reports the limits and today’s consumption in ApplicationInfo', async () => {
    const response = await harness.http().get(`/applications/${tenant.applicationId}`).set(master).expect(200);
    expect(response.body.quotas).toEqual({ events_per_day_limit: 3, days_of_events_retention_limit: 14 });
    expect(response.body.consumption).toEqual({ events_per_day: 3 });
  });
});

describe('quotas, off (the default)', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({ QUOTA_GLOBAL_APPLICATIONS_PER_ORGANIZATION_LIMIT: '1', QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '1' });
  });
  afterAll(() => harness.close());

  it('enforces nothing and reports every limit as 2147483647, with real consumption', async () => {
    const tenant = await createTenant(harness);
    const master = { Authorization: `Bearer ${harness.masterKey}` };
    await harness.http().post('/applications').set(master).send({ organization_id: tenant.organizationId, name: 'Second' }).expect(201);
    await ingestEvent(harness, tenant);
    await ingestEvent(harness, tenant);
    const response = await harness.http().get(`/applications/${tenant.applicationId}`).set(master).expect(200);
    expect(response.body.quotas).toEqual({ events_per_day_limit: UNLIMITED, days_of_events_retention_limit: UNLIMITED });
    expect(response.body.consumption).toEqual({ events_per_day: 2 });
  });

  it('replays without limit, each still counted in the consumption', async () => {
    const tenant = await createTenant(harness);
    const eventId = await ingestEvent(harness, tenant);
    const replay = () =>
      harness
        .http()
        .post(`/events/${eventId}/replay`)
        .set({ Authorization: `Bearer ${tenant.secret}` })
        .send({ application_id: tenant.applicationId });
    for (let i = 0; i < 3; i += 1) await replay().expect(204);
    const response = await harness
      .http()
      .get(`/applications/${tenant.applicationId}`)
      .set({ Authorization: `Bearer ${harness.masterKey}` })
      .expect(200);
    expect(response.body.consumption).toEqual({ events_per_day: 4 });
  });
});
