import { createApplication, createEvent, createSubscription, WebhookReceiver } from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';
const SLOW_ANSWER_MS = 10_000;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

describe('fair delivery between tenants', () => {
  const world = useDispatcherWorld();
  const fast = new WebhookReceiver();

  beforeAll(() => fast.start());
  afterAll(() => fast.stop());

  it("keeps another tenant's deliveries flowing while one subscription's endpoint takes 10 s, on one dispatcher", async () => {
    const { harness, pool } = world;
    harness.receiver.respondWith(() => ({ status: 200, delayMs: SLOW_ANSWER_MS }));
    const slowTenant = await createApplication(pool);
    await createSubscription(pool, slowTenant.applicationId, { url: harness.receiver.url, eventTypes: [TYPE] });
    const otherTenant = await createApplication(pool);
    await createSubscription(pool, otherTenant.applicationId, { url: fast.url, eventTypes: [TYPE] });
    // Defaults otherwise: SUBSCRIPTION_MAX_IN_FLIGHT and CONCURRENT as shipped.
    await harness.start({ TIMEOUT: '15s' });

    const burst = [];
    for (let i = 0; i < 300; i += 1) burst.push(await createEvent(pool, slowTenant.applicationId, { eventTypeName: TYPE }));
    await Promise.all(burst.map((event) => harness.dispatch(event)));
    await harness.receiver.waitForRequests(1);

    const sentAt = new Map<string, number>();
    for (let i = 0; i < 40; i += 1) {
      const event = await createEvent(pool, otherTenant.applicationId, { eventTypeName: TYPE });
      sentAt.set(event.eventId, Date.now());
      await harness.dispatch(event);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const received = await fast.waitForRequests(40, 30_000);
    const latencies = received.map((request) => request.receivedAt - (sentAt.get(String(request.headers['x-event-id'])) ?? Infinity));
    expect(percentile(latencies, 0.99)).toBeLessThan(2_000);

    // The slow endpoint never had more than the default max_in_flight (10) requests open at once.
    const first = harness.receiver.requests[0].receivedAt;
    expect(harness.receiver.requests.filter((request) => request.receivedAt < first + SLOW_ANSWER_MS - 1_000)).toHaveLength(10);
  });
});
