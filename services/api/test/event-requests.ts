import type { ApiHarness, Tenant } from './api-harness';

/** A valid ingest body for the tenant; override any field. */
export function eventBody(tenant: Tenant, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    application_id: tenant.applicationId,
    event_type: 'billing.invoice.paid',
    payload: '{"invoice_id":"in_42","amount":1200}',
    payload_content_type: 'application/json',
    occurred_at: '2026-05-04T09:12:30Z',
    labels: { tenant_id: 'acme' },
    ...overrides,
  };
}

/** Ingests one event through the API with the tenant's secret; returns its id. */
export async function ingestEvent(harness: ApiHarness, tenant: Tenant, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await harness
    .http()
    .post('/event')
    .set({ Authorization: `Bearer ${tenant.secret}` })
    .send(eventBody(tenant, overrides))
    .expect(201);
  return response.body.event_id as string;
}
