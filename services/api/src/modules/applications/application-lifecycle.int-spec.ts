import { randomUUID } from 'node:crypto';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

/** `PUT` and `DELETE /applications/{id}` (docs/hook0-compatibility.md "Applications"). */
describe('applications: replace and delete', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let master: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    master = { Authorization: `Bearer ${harness.masterKey}` };
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const put = (tenant: Tenant, body: unknown, headers = master) =>
    harness
      .http()
      .put(`/applications/${tenant.applicationId}`)
      .set(headers)
      .send(body as object);
  const remove = (applicationId: string, headers = master) => harness.http().delete(`/applications/${applicationId}`).set(headers);

  it('PUT renames the application and answers the Application', async () => {
    const tenant = await createTenant(harness);
    const response = await put(tenant, { organization_id: tenant.organizationId, name: 'Invoicing' }).expect(200);
    expect(response.body).toEqual({ application_id: tenant.applicationId, organization_id: tenant.organizationId, name: 'Invoicing' });
    const info = await harness.http().get(`/applications/${tenant.applicationId}`).set(master).expect(200);
    expect(info.body.name).toBe('Invoicing');
    const secret = { Authorization: `Bearer ${tenant.secret}` };
    await put(tenant, { organization_id: tenant.organizationId.toUpperCase(), name: 'By its secret' }, secret).expect(200);
  });

  it('PUT answers 404 when the body names another organization, and renames nothing', async () => {
    const tenant = await createTenant(harness);
    const other = await createTenant(harness);
    expectProblem(await put(tenant, { organization_id: other.organizationId, name: 'Moved' }), 404, 'NotFound');
    expectProblem(await put(tenant, { organization_id: randomUUID(), name: 'Moved' }), 404, 'NotFound');
    const [row] = await probe.query<{ name: string; organization_id: string }>(
      'SELECT name, organization_id FROM application WHERE application_id = $1',
      [tenant.applicationId],
    );
    expect(row).toEqual({ name: 'Billing', organization_id: tenant.organizationId });
  });

  it.each([
    ['a name too short', { name: 'x' }, 422, 'Validation'],
    ['a name too long', { name: 'x'.repeat(51) }, 422, 'Validation'],
    ['a control character', { name: 'Bad\u0007name' }, 422, 'Validation'],
    ['a missing name', { name: undefined }, 400, 'JsonPayload'],
    ['a numeric name', { name: 42 }, 400, 'JsonPayload'],
    ['a missing organization_id', { organization_id: undefined }, 400, 'JsonPayload'],
    ['a non-UUID organization_id', { organization_id: 'acme' }, 400, 'JsonPayload'],
  ])('PUT with %s answers %i %s and changes nothing', async (_case, overrides, status, id) => {
    const tenant = await createTenant(harness);
    const before = await probe.fingerprint();
    expectProblem(await put(tenant, { organization_id: tenant.organizationId, name: 'Valid', ...overrides }), status, id);
    expect(await probe.fingerprint()).toBe(before);
  });

  it("PUT and DELETE answer 403 to another application's secret and to an unknown application, changing nothing", async () => {
    const tenant = await createTenant(harness);
    const other = await createTenant(harness);
    const before = await probe.fingerprint();
    const otherSecret = { Authorization: `Bearer ${other.secret}` };
    expectProblem(await put(tenant, { organization_id: tenant.organizationId, name: 'Hijacked' }, otherSecret), 403, 'Forbidden');
    expectProblem(await remove(tenant.applicationId, otherSecret), 403, 'Forbidden');
    expectProblem(await remove(randomUUID()), 403, 'Forbidden');
    expectProblem(
      await harness.http().put(`/applications/${randomUUID()}`).set(master).send({ organization_id: tenant.organizationId, name: 'Ghost' }),
      403,
      'Forbidden',
    );
    expect(await probe.fingerprint()).toBe(before);
  });

  it('DELETE soft-deletes: 204, hidden from reads and lists, its secrets stop working, its pending attempts fail', async () => {
    const tenant = await createTenant(harness);
    const secret = { Authorization: `Bearer ${tenant.secret}` };
    const subscription = await harness.http().post('/subscriptions').set(master).send(subscriptionBody(tenant.applicationId)).expect(201);
    const eventId = await ingestEvent(harness, tenant);
    const base = { applicationId: tenant.applicationId, eventId, subscriptionId: subscription.body.subscription_id as string };
    const pending = await insertAttempt(probe, { ...base, retryCount: 1 });
    const waiting = await insertAttempt(probe, { ...base, retryCount: 2, delayUntil: '2999-01-01T00:00:00Z' });
    const succeeded = await insertAttempt(probe, { ...base, retryCount: 3, succeededAt: '2026-01-01T00:00:01Z' });
    const failed = await insertAttempt(probe, { ...base, retryCount: 4, failedAt: '2026-01-01T00:00:02Z' });
    const before = Date.now();

    const response = await remove(tenant.applicationId, secret).expect(204);
    expect(response.text).toBe('');

    const rows = await probe.query<{ request_attempt_id: string; failed_at: Date | null; succeeded_at: Date | null }>(
      'SELECT request_attempt_id, failed_at, succeeded_at FROM request_attempt WHERE application_id = $1',
      [tenant.applicationId],
    );
    const byId = new Map(rows.map((row) => [row.request_attempt_id, row]));
    for (const id of [pending, waiting]) expect(byId.get(id)!.failed_at!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(byId.get(succeeded)).toMatchObject({ failed_at: null, succeeded_at: new Date('2026-01-01T00:00:01Z') });
    expect(byId.get(failed)!.failed_at).toEqual(new Date('2026-01-01T00:00:02Z'));
    expect(rows.filter((row) => row.failed_at === null && row.succeeded_at === null)).toEqual([]);

    const [application] = await probe.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM application WHERE application_id = $1', [
      tenant.applicationId,
    ]);
    expect(application.deleted_at).toBeInstanceOf(Date);
    expectProblem(
      await harness.http().get('/event_types').query({ application_id: tenant.applicationId }).set(secret),
      403,
      'AuthInvalidBiscuit',
    );
    expectProblem(await harness.http().get(`/applications/${tenant.applicationId}`).set(master), 403, 'Forbidden');
    const listed = await harness.http().get('/applications').query({ organization_id: tenant.organizationId }).set(master).expect(200);
    expect(listed.body).toEqual([]);
    expectProblem(await remove(tenant.applicationId), 403, 'Forbidden');
  });

  it('DELETE leaves the other applications of the organization and their attempts alone', async () => {
    const tenant = await createTenant(harness);
    const sibling = await harness
      .http()
      .post('/applications')
      .set(master)
      .send({ organization_id: tenant.organizationId, name: 'Sibling' })
      .expect(201);
    const siblingId: string = sibling.body.application_id;
    await harness
      .http()
      .post('/event_types')
      .set(master)
      .send({ application_id: siblingId, service: 'billing', resource_type: 'invoice', verb: 'paid' })
      .expect(201);
    const subscription = await harness.http().post('/subscriptions').set(master).send(subscriptionBody(siblingId)).expect(201);
    const eventId = await ingestEvent(harness, { ...tenant, applicationId: siblingId, secret: harness.masterKey });
    const attempt = await insertAttempt(probe, { applicationId: siblingId, eventId, subscriptionId: subscription.body.subscription_id });

    await remove(tenant.applicationId).expect(204);
    const [row] = await probe.query<{ failed_at: Date | null }>('SELECT failed_at FROM request_attempt WHERE request_attempt_id = $1', [
      attempt,
    ]);
    expect(row.failed_at).toBeNull();
    await harness.http().get(`/applications/${siblingId}`).set(master).expect(200);
  });

  it('GET reports ApplicationInfo: quotas, today’s events and the onboarding steps taken', async () => {
    const tenant = await createTenant(harness, []);
    const info = async () => (await harness.http().get(`/applications/${tenant.applicationId}`).set(master).expect(200)).body;
    expect(await info()).toEqual({
      application_id: tenant.applicationId,
      organization_id: tenant.organizationId,
      name: 'Billing',
      quotas: { events_per_day_limit: 2_147_483_647, days_of_events_retention_limit: 2_147_483_647 },
      consumption: { events_per_day: 0 },
      onboarding_steps: { event_type: 'ToDo', subscription: 'ToDo', event: 'ToDo' },
    });
    await harness
      .http()
      .post('/event_types')
      .set(master)
      .send({ application_id: tenant.applicationId, service: 'billing', resource_type: 'invoice', verb: 'paid' })
      .expect(201);
    expect((await info()).onboarding_steps).toEqual({ event_type: 'Done', subscription: 'ToDo', event: 'ToDo' });
    await harness.http().post('/subscriptions').set(master).send(subscriptionBody(tenant.applicationId)).expect(201);
    await ingestEvent(harness, tenant);
    expect(await info()).toMatchObject({
      consumption: { events_per_day: 1 },
      onboarding_steps: { event_type: 'Done', subscription: 'Done', event: 'Done' },
    });
  });

  it('answers 404 NotFound to a malformed application id, on PUT and DELETE', async () => {
    const tenant = await createTenant(harness);
    expectProblem(
      await harness.http().put('/applications/not-a-uuid').set(master).send({ organization_id: tenant.organizationId, name: 'Valid' }),
      404,
      'NotFound',
    );
    expectProblem(await remove('not-a-uuid'), 404, 'NotFound');
  });
});
