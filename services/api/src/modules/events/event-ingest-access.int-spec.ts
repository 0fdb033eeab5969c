import { createTenant, type Tenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { eventBody } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer } from '../../../test/user-fixtures';

/** Ingest skips the application lookup when the insert can prove the rest; refusals must not change. */
describe('POST /event: who may ingest where', () => {
  const world = useApiWorld();
  const master = () => bearer(world.harness.masterKey);
  const ingest = (auth: Record<string, string>, tenant: Tenant, overrides: Record<string, unknown> = {}) =>
    world.harness.http().post('/event').set(auth).send(eventBody(tenant, overrides));
  const serviceToken = async (organizationId: string) => {
    const created = await world.harness
      .http()
      .post('/service_token')
      .set(master())
      .send({ organization_id: organizationId, name: 'ingest' })
      .expect(201);
    return bearer(created.body.biscuit);
  };

  it('lets the master key ingest into any live application, and refuses a deleted one with 403', async () => {
    const tenant = await createTenant(world.harness);
    await ingest(master(), tenant).expect(201);
    await world.harness.http().delete(`/applications/${tenant.applicationId}`).set(master()).expect(204);
    const before = await world.probe.fingerprint();
    expectProblem(await ingest(master(), tenant), 403, 'Forbidden');
    expectProblem(await ingest(master(), tenant, { event_type: 'billing.invoice.lost' }), 403, 'Forbidden');
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it('answers 403 before any payload or event-type problem for an application out of reach', async () => {
    const unknown = { ...world.tenant, applicationId: '00000000-0000-4000-8000-000000000000' };
    const other = await createTenant(world.harness);
    const before = await world.probe.fingerprint();
    for (const overrides of [{ payload: '{"a":' }, { payload_content_type: 'application/xml' }, { event_type: 'billing.invoice.lost' }]) {
      expectProblem(await ingest(master(), unknown, overrides), 403, 'Forbidden');
      expectProblem(await ingest(world.auth, other, overrides), 403, 'Forbidden');
    }
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it("lets a service token ingest into its organization's applications only", async () => {
    const token = await serviceToken(world.tenant.organizationId);
    await ingest(token, world.tenant).expect(201);
    expectProblem(await ingest(token, world.tenant, { event_type: 'billing.invoice.lost' }), 400, 'EventTypeDoesNotExist');
    const other = await createTenant(world.harness);
    const before = await world.probe.fingerprint();
    expectProblem(await ingest(token, other), 403, 'Forbidden');
    expectProblem(await ingest(token, other, { event_type: 'billing.invoice.lost' }), 403, 'Forbidden');
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it('still answers 409 for a reused event_id and 400 for an unknown event type in a live application', async () => {
    const first = await ingest(master(), world.tenant).expect(201);
    expectProblem(await ingest(world.auth, world.tenant, { event_id: first.body.event_id }), 409, 'EventAlreadyIngested');
    expectProblem(await ingest(master(), world.tenant, { event_type: 'billing.invoice.lost' }), 400, 'EventTypeDoesNotExist');
  });
});
