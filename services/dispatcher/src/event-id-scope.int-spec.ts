import { randomUUID } from 'node:crypto';
import { createApplication, createEvent, createSubscription, queueDepth, waitFor, type EventFixture } from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

/** An event_id is unique within its application only: fan-out and delivery find the event by both. */
describe('events of different applications sharing an event_id', () => {
  const world = useDispatcherWorld();

  /** An application of its own organization, subscribed at /<name>, with an event of `eventId` whose payload is its name. */
  async function tenant(name: string, eventId: string): Promise<EventFixture> {
    const { applicationId } = await createApplication(world.pool);
    await createSubscription(world.pool, applicationId, { url: `${world.harness.receiver.url}/${name}`, eventTypes: [TYPE] });
    return createEvent(world.pool, applicationId, { eventTypeName: TYPE, eventId, payload: JSON.stringify({ name }) });
  }
  const received = () =>
    world.harness.receiver.requests.map((request) => ({
      path: request.path,
      body: request.body.toString('utf8'),
      id: request.headers['x-event-id'],
    }));

  it('fans each event out to its own subscriptions only, with its own payload', async () => {
    await world.harness.start();
    const eventId = randomUUID();
    const acme = await tenant('acme', eventId);
    const globex = await tenant('globex', eventId);

    await world.harness.dispatch(acme);
    await world.harness.finishedAttempts(acme, 1);
    expect(received()).toEqual([{ path: '/acme', body: '{"name":"acme"}', id: eventId }]);
    expect(await world.harness.attempts(globex)).toEqual([]);

    await world.harness.dispatch(globex);
    await world.harness.finishedAttempts(globex, 1);
    expect(received()).toEqual([
      { path: '/acme', body: '{"name":"acme"}', id: eventId },
      { path: '/globex', body: '{"name":"globex"}', id: eventId },
    ]);
    expect(await world.harness.attempts(acme)).toHaveLength(1);
  });

  describe('a dispatch message without applicationId, as published before event ids were scoped per application', () => {
    it('fans out the event its id names', async () => {
      await world.harness.start();
      const event = await tenant('legacy', randomUUID());
      await world.harness.dispatchWithoutApplication(event.eventId);
      await world.harness.finishedAttempts(event, 1);
      expect(received()).toEqual([{ path: '/legacy', body: '{"name":"legacy"}', id: event.eventId }]);
    });

    it('fans out every event that has the id since, each to its own subscriptions, and skips an id naming none', async () => {
      const dispatcher = await world.harness.start();
      const eventId = randomUUID();
      const acme = await tenant('acme', eventId);
      const globex = await tenant('globex', eventId);
      await world.harness.dispatchWithoutApplication(randomUUID());
      await world.harness.dispatchWithoutApplication(eventId);
      await world.harness.finishedAttempts(acme, 1);
      await world.harness.finishedAttempts(globex, 1);
      await waitFor(
        async () => ((await queueDepth(world.harness.amqp.url, world.harness.topology.dispatchQueue)) === 0 ? true : undefined),
        'dispatch messages taken',
      );
      await dispatcher.stop();
      expect(received().sort((a, b) => a.path.localeCompare(b.path))).toEqual([
        { path: '/acme', body: '{"name":"acme"}', id: eventId },
        { path: '/globex', body: '{"name":"globex"}', id: eventId },
      ]);
      expect(await queueDepth(world.harness.amqp.url, world.harness.topology.deadLetterQueue)).toBe(0);
    });
  });
});
