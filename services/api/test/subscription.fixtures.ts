/** A valid `SubscriptionPost` body for tests; override any field (undefined removes it). */
export function subscriptionBody(applicationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    application_id: applicationId,
    is_enabled: true,
    event_types: ['billing.invoice.paid'],
    description: 'Acme prod endpoint',
    labels: { tenant_id: 'acme' },
    target: { type: 'http', method: 'POST', url: 'https://hooks.acme.test/in', headers: { 'X-Api-Key': 'k' } },
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return body;
}

/** The same body with `target` fields overridden. */
export function withTarget(applicationId: string, target: Record<string, unknown>): Record<string, unknown> {
  const base = subscriptionBody(applicationId).target as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base, ...target };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return subscriptionBody(applicationId, { target: merged });
}
