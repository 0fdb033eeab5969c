/** The calls of the README walk-through, against a running API. */
export class Hook0Api {
  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export interface Tenant {
  readonly applicationId: string;
  readonly secret: string;
  readonly subscriptionSecret: string;
}

/** Organization and application with the master key, then event type and subscription with the application secret. */
export async function createTenant(api: Hook0Api, masterKey: string, targetUrl: string): Promise<Tenant> {
  const { organization_id } = await api.call<{ organization_id: string }>('POST', '/organizations', masterKey, { name: 'Compose' });
  const { application_id } = await api.call<{ application_id: string }>('POST', '/applications', masterKey, {
    organization_id,
    name: 'Compose test',
  });
  const [{ token: secret }] = await api.call<{ token: string }[]>(
    'GET',
    `/application_secrets?application_id=${application_id}`,
    masterKey,
  );
  await api.call('POST', '/event_types', secret, { application_id, service: 'billing', resource_type: 'invoice', verb: 'paid' });
  const subscription = await api.call<{ secret: string }>('POST', '/subscriptions', secret, {
    application_id,
    is_enabled: true,
    event_types: ['billing.invoice.paid'],
    labels: { tenant_id: 'acme' },
    description: 'compose test receiver',
    target: { type: 'http', method: 'POST', url: targetUrl, headers: {} },
  });
  return { applicationId: application_id, secret, subscriptionSecret: subscription.secret };
}

/** Sends `count` events, `parallel` at a time; returns their ids. */
export async function sendEvents(api: Hook0Api, tenant: Tenant, count: number, parallel = 8): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const sendOne = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const { event_id } = await api.call<{ event_id: string }>('POST', '/event', tenant.secret, {
        application_id: tenant.applicationId,
        event_type: 'billing.invoice.paid',
        payload: JSON.stringify({ invoice_id: `in_${index}`, amount: index }),
        payload_content_type: 'application/json',
        occurred_at: new Date().toISOString(),
        labels: { tenant_id: 'acme' },
      });
      ids.push(event_id);
    }
  };
  await Promise.all(Array.from({ length: parallel }, sendOne));
  return ids;
}
