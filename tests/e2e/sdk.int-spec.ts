import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHook0Client, webhookHandler, type Hook0Client, type VerifiedWebhook, type WebhookScheme } from '@hook0-ts/sdk';
import { type ServiceProcess } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';

/** A local receiver whose routes verify with the SDK's middleware; each delivery resolves the promise of its path. */
class SdkReceiver {
  private readonly server: Server;
  private readonly routes = new Map<string, ReturnType<typeof webhookHandler>>();
  readonly refused: string[] = [];

  constructor() {
    this.server = createServer((request, response) => {
      const route = this.routes.get(request.url ?? '');
      if (!route) return void response.writeHead(404).end();
      response.on('finish', () => response.statusCode === 401 && this.refused.push(request.url!));
      route(request, response);
    });
  }

  /** Verifies deliveries to `path` with `scheme` and `secrets`; resolves with the first verified one. */
  expect(path: string, scheme: WebhookScheme, secrets: string | string[]): Promise<VerifiedWebhook> {
    return new Promise((resolve) =>
      this.routes.set(
        path,
        webhookHandler({ scheme, secrets }, (webhook) => resolve(webhook)),
      ),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The SDK against the real API and dispatcher (docs/sdk.md): typed client, sendEvent, both verifiers on the delivery. */
describe('the SDK, end to end', () => {
  const receiver = new SdkReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let hook0: Hook0Client;

  beforeAll(async () => {
    await receiver.start();
    harness = await startApiHarness();
    dispatcher = await startDispatcherFor(harness);
    tenant = await createTenant(harness);
    hook0 = createHook0Client({ baseUrl: `${harness.api.url}/api/v1`, token: tenant.secret });
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  const subscribe = async (path: string) => {
    const { data, error } = await hook0.api.POST('/subscriptions', {
      body: {
        application_id: tenant.applicationId,
        is_enabled: true,
        event_types: ['billing.invoice.paid'],
        labels: { tenant_id: 'acme' },
        target: { type: 'http', method: 'POST', url: `${receiver.url}${path}`, headers: {} },
      },
    });
    expect(error).toBeUndefined();
    return data!;
  };

  it('creates subscriptions with the typed client, sends an event, and verifies its deliveries both ways', async () => {
    const forHook0 = await subscribe('/hook0');
    const forStandard = await subscribe('/standard');
    expect(forHook0.secret).toEqual(expect.any(String));
    const hook0Delivery = receiver.expect('/hook0', 'hook0', ['a-previous-secret', forHook0.secret!]);
    const standardDelivery = receiver.expect('/standard', 'standard-webhooks', forStandard.standard_webhooks_secret!);

    const sent = await hook0.sendEvent({
      applicationId: tenant.applicationId,
      eventType: 'billing.invoice.paid',
      payload: { invoice_id: 'inv_42', amount: 1200 },
      labels: { tenant_id: 'acme' },
    });
    expect(sent).toMatchObject({ applicationId: tenant.applicationId, attempts: 1, alreadyIngested: false });

    for (const [delivery, scheme] of [
      [await hook0Delivery, 'hook0'],
      [await standardDelivery, 'standard-webhooks'],
    ] as const) {
      expect(delivery).toMatchObject({ scheme, eventId: sent.eventId, eventType: 'billing.invoice.paid' });
      expect(delivery.json()).toEqual({ invoice_id: 'inv_42', amount: 1200 });
    }
    expect(receiver.refused).toEqual([]);

    const { data: event } = await hook0.api.GET('/events/{event_id}', {
      params: { path: { event_id: sent.eventId }, query: { application_id: tenant.applicationId } },
    });
    expect(event).toMatchObject({ event_id: sent.eventId });
  });

  it('takes the same event id sent again as already ingested only on a retry', async () => {
    const first = await hook0.sendEvent({
      applicationId: tenant.applicationId,
      eventType: 'billing.invoice.paid',
      payload: {},
      labels: { tenant_id: 'acme' },
    });
    const again = hook0.sendEvent({
      applicationId: tenant.applicationId,
      eventType: 'billing.invoice.paid',
      payload: {},
      labels: { tenant_id: 'acme' },
      eventId: first.eventId,
    });
    await expect(again).rejects.toMatchObject({ status: 409, problem: { id: 'EventAlreadyIngested' } });
  });
});
