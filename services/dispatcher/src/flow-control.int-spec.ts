import { createApplication, createEvent, createSubscription, type ReceivedRequest } from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

/** The most requests that arrived within any `windowMs`, counting the one that opens it. */
function mostWithin(requests: readonly ReceivedRequest[], windowMs: number): number {
  const times = requests.map((request) => request.receivedAt).sort((a, b) => a - b);
  return Math.max(...times.map((start, index) => times.slice(index).filter((time) => time < start + windowMs).length));
}

describe("a subscription's own limits, across dispatchers", () => {
  const world = useDispatcherWorld();

  async function subscriptionFedWith(events: number, limits: { maxInFlight?: number; maxDeliveriesPerSecond?: number }) {
    const { harness, pool } = world;
    const { applicationId } = await createApplication(pool);
    await createSubscription(pool, applicationId, { url: harness.receiver.url, eventTypes: [TYPE], ...limits });
    await harness.start();
    await harness.start();
    const created = [];
    for (let i = 0; i < events; i += 1) created.push(await createEvent(pool, applicationId, { eventTypeName: TYPE }));
    await Promise.all(created.map((event) => harness.dispatch(event)));
    return created;
  }

  it('keeps at most max_in_flight requests open at its endpoint, and delivers everything', async () => {
    world.harness.receiver.respondWith(() => ({ status: 200, delayMs: 400 }));
    const events = await subscriptionFedWith(15, { maxInFlight: 3 });
    const requests = await world.harness.receiver.waitForRequests(15);
    expect(mostWithin(requests, 400)).toBeLessThanOrEqual(3);
    expect(new Set(requests.map((request) => request.headers['x-event-id']))).toEqual(new Set(events.map((event) => event.eventId)));
  });

  it('starts no more than max_deliveries_per_second after a burst of one second', async () => {
    const events = await subscriptionFedWith(16, { maxDeliveriesPerSecond: 4 });
    const requests = await world.harness.receiver.waitForRequests(16);
    const times = requests.map((request) => request.receivedAt).sort((a, b) => a - b);
    // A burst of 4, then one every 250 ms: the 16th is due 3 s after the burst (may be claimed up to 50 ms early, and the
    // first one may arrive late behind its connection's set-up); without the limit all 16 arrive within a few ms.
    expect(times[15] - times[0]).toBeGreaterThanOrEqual(2_500);
    expect(mostWithin(requests, 1_000)).toBeLessThanOrEqual(8);
    expect(new Set(requests.map((request) => request.headers['x-event-id'])).size).toBe(events.length);
  });
});
