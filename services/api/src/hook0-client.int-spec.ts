import { Event, Hook0Client } from 'hook0-client';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../test/api-harness';

/** Hook0's own npm SDK (hook0-client@1.1.0), unchanged, against this API (docs/hook0-compatibility.md "The hook0-client SDK"). */
describe('hook0-client@1.1.0 against this API', () => {
  let harness: ApiHarness;
  let tenant: Tenant;
  let client: Hook0Client;

  beforeAll(async () => {
    harness = await startApiHarness();
    tenant = await createTenant(harness, ['billing.invoice.paid']);
    client = new Hook0Client(`${harness.api.url}/api/v1/`, tenant.applicationId, tenant.secret);
  });
  afterAll(() => harness.close());

  it('upserts event types: creates only the missing ones, then none', async () => {
    expect(await client.upsertEventTypes(['billing.invoice.paid', 'billing.invoice.sent'])).toEqual(['billing.invoice.sent']);
    expect(await client.upsertEventTypes(['billing.invoice.paid', 'billing.invoice.sent'])).toEqual([]);
  });

  it('sends an event and gets its id back; the stored payload is the one sent', async () => {
    const payload = '{"invoice_id":"in_42","amount":1200}';
    const eventId = await client.sendEvent(
      new Event('billing.invoice.paid', payload, 'application/json', { tenant_id: 'acme' }, { source: 'sdk' }),
    );
    const stored = await harness
      .http()
      .get(`/events/${eventId}`)
      .query({ application_id: tenant.applicationId })
      .set({ Authorization: `Bearer ${tenant.secret}` })
      .expect(200);
    expect(Buffer.from(stored.body.payload, 'base64').toString('utf8')).toBe(payload);
    expect(stored.body).toMatchObject({ labels: { tenant_id: 'acme' }, metadata: { source: 'sdk' } });
  });

  it('surfaces a reused event id as an error carrying the problem body', async () => {
    const eventId = '0190a8f2-1111-7000-8000-0000000000aa';
    const event = () => new Event('billing.invoice.paid', 'hi', 'text/plain', { tenant_id: 'acme' }, undefined, undefined, eventId);
    expect(await client.sendEvent(event())).toBe(eventId);
    await expect(client.sendEvent(event())).rejects.toThrow(/EventAlreadyIngested/);
  });
});
