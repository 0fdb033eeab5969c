import { randomUUID } from 'node:crypto';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { utcDay } from './day-range';

/** `GET /events_per_day/application` and `/organization` (docs/hook0-compatibility.md "Events"). */
describe('events per day', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let secondApplicationId: string;
  let master: Record<string, string>;
  const today = utcDay(new Date());

  /** Ingests through the API, then moves received_at to the given instant. */
  async function eventAt(applicationId: string, receivedAt: string): Promise<void> {
    const eventId = await ingestEvent(harness, { ...tenant, applicationId, secret: harness.masterKey }, { application_id: applicationId });
    await probe.query('UPDATE event SET received_at = $2 WHERE event_id = $1', [eventId, receivedAt]);
  }

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    master = { Authorization: `Bearer ${harness.masterKey}` };
    const second = await harness
      .http()
      .post('/applications')
      .set(master)
      .send({ organization_id: tenant.organizationId, name: 'Shipping' })
      .expect(201);
    secondApplicationId = second.body.application_id;
    await harness
      .http()
      .post('/event_types')
      .set(master)
      .send({ application_id: secondApplicationId, service: 'billing', resource_type: 'invoice', verb: 'paid' })
      .expect(201);
    // Day boundaries are UTC: 23:59:59.999999Z and 00:00:00Z fall on different days.
    await eventAt(tenant.applicationId, '2026-01-10T00:00:00Z');
    await eventAt(tenant.applicationId, '2026-01-10T23:59:59.999999Z');
    await eventAt(tenant.applicationId, '2026-01-11T00:00:00Z');
    await eventAt(tenant.applicationId, '2026-01-11T01:00:00+02:00'); // 2026-01-10T23:00Z
    await eventAt(secondApplicationId, '2026-01-11T12:00:00Z');
    await ingestEvent(harness, tenant);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const perApplication = (query: Record<string, string>, headers = { Authorization: `Bearer ${tenant.secret}` }) =>
    harness
      .http()
      .get('/events_per_day/application')
      .query({ application_id: tenant.applicationId, ...query })
      .set(headers);
  const perOrganization = (query: Record<string, string>) =>
    harness
      .http()
      .get('/events_per_day/organization')
      .query({ organization_id: tenant.organizationId, ...query })
      .set(master);

  it('counts an application’s events per UTC day in the range, ordered by date', async () => {
    const response = await perApplication({ from: '2026-01-01', to: '2026-01-31' }).expect(200);
    expect(response.body).toEqual([
      { application_id: tenant.applicationId, application_name: 'Billing', date: '2026-01-10', amount: 3, is_provisional: false },
      { application_id: tenant.applicationId, application_name: 'Billing', date: '2026-01-11', amount: 1, is_provisional: false },
    ]);
  });

  it('includes both bounds and nothing outside them', async () => {
    expect((await perApplication({ from: '2026-01-11', to: '2026-01-11' }).expect(200)).body).toEqual([
      expect.objectContaining({ date: '2026-01-11', amount: 1 }),
    ]);
    expect((await perApplication({ from: '2026-01-12', to: '2026-01-31' }).expect(200)).body).toEqual([]);
  });

  it('defaults to the last 30 days through today, whose row is provisional', async () => {
    const response = await perApplication({}).expect(200);
    expect(response.body).toEqual([
      { application_id: tenant.applicationId, application_name: 'Billing', date: today, amount: 1, is_provisional: true },
    ]);
  });

  it('covers every live application of an organization', async () => {
    const response = await perOrganization({ from: '2026-01-01', to: '2026-01-31' }).expect(200);
    expect(response.body).toEqual([
      { application_id: tenant.applicationId, application_name: 'Billing', date: '2026-01-10', amount: 3, is_provisional: false },
      ...[
        { application_id: tenant.applicationId, application_name: 'Billing', date: '2026-01-11', amount: 1, is_provisional: false },
        { application_id: secondApplicationId, application_name: 'Shipping', date: '2026-01-11', amount: 1, is_provisional: false },
      ].sort((a, b) => a.application_id.localeCompare(b.application_id)),
    ]);
    expect((await perOrganization({ from: '2026-01-01', to: '2026-01-31' }).expect(200)).body).toHaveLength(3);
  });

  it('answers 400 InvalidDateRange when "from" is after "to", explicitly or against the default', async () => {
    expectProblem(await perApplication({ from: '2026-02-01', to: '2026-01-31' }), 400, 'InvalidDateRange');
    expectProblem(await perOrganization({ from: '2999-01-01' }), 400, 'InvalidDateRange');
  });

  it.each([
    ['a date-time', { from: '2026-01-01T00:00:00Z' }],
    ['a day that does not exist', { to: '2026-02-30' }],
    ['a short form', { from: '2026-1-1' }],
    ['a repeated bound', { from: ['2026-01-01', '2026-01-02'] as unknown as string }],
    ['a non-UUID application_id', { application_id: 'app' }],
  ])('answers 400 InvalidQueryString to %s', async (_case, query) => {
    expectProblem(await perApplication(query), 400, 'InvalidQueryString');
  });

  it("answers 403 to another application's secret and to an unknown application", async () => {
    const other = await createTenant(harness);
    expectProblem(await perApplication({}, { Authorization: `Bearer ${other.secret}` }), 403, 'Forbidden');
    expectProblem(
      await harness.http().get('/events_per_day/application').query({ application_id: randomUUID() }).set(master),
      403,
      'Forbidden',
    );
    expectProblem(
      await harness
        .http()
        .get('/events_per_day/organization')
        .query({ organization_id: tenant.organizationId })
        .set({ Authorization: `Bearer ${other.secret}` }),
      403,
      'Forbidden',
    );
  });

  it('leaves out a deleted application from the organization view', async () => {
    const organization = await createTenant(harness);
    await ingestEvent(harness, organization);
    const before = (
      await harness
        .http()
        .get('/events_per_day/organization')
        .query({ organization_id: organization.organizationId })
        .set(master)
        .expect(200)
    ).body;
    expect(before).toEqual([expect.objectContaining({ application_id: organization.applicationId, amount: 1 })]);
    await harness.http().delete(`/applications/${organization.applicationId}`).set(master).expect(204);
    const after = await harness
      .http()
      .get('/events_per_day/organization')
      .query({ organization_id: organization.organizationId })
      .set(master)
      .expect(200);
    expect(after.body).toEqual([]);
  });
});
