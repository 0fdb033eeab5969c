import { createApplication, createEvent, createSubscription, waitFor } from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

describe('at-least-once messages, exactly one attempt', () => {
  const world = useDispatcherWorld();

  it('handles a duplicated dispatch message without a second attempt row or a second request', async () => {
    const { applicationId } = await createApplication(world.pool);
    const subscriptions = [
      await createSubscription(world.pool, applicationId, { url: `${world.harness.receiver.url}/a`, eventTypes: [TYPE] }),
      await createSubscription(world.pool, applicationId, { url: `${world.harness.receiver.url}/b`, eventTypes: [TYPE] }),
    ];
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    await world.harness.dispatch(event);
    await world.harness.dispatch(event);
    const dispatcher = await world.harness.start();

    await waitFor(
      async () => ((await world.harness.metric(dispatcher, 'hook0_events_dispatched_total')) === 2 ? true : undefined),
      'both dispatch messages handled',
    );
    const attempts = await world.harness.finishedAttempts(event, subscriptions.length);
    await dispatcher.stop();

    expect(attempts.map((attempt) => attempt.retryCount)).toEqual([0, 0]);
    expect(attempts.map((attempt) => attempt.subscriptionId).sort()).toEqual(subscriptions.map((s) => s.subscriptionId).sort());
    expect(attempts.every((attempt) => attempt.succeededAt !== null)).toBe(true);
    expect(world.harness.receiver.requests.map((request) => request.path).sort()).toEqual(['/a', '/b']);
  });

  it('lets two dispatchers share the queues: every attempt delivered once, none duplicated', async () => {
    const events = 10;
    const { applicationId } = await createApplication(world.pool);
    const subscriptions = await Promise.all(
      ['s1', 's2', 's3'].map((name) =>
        createSubscription(world.pool, applicationId, { url: `${world.harness.receiver.url}/${name}`, eventTypes: [TYPE] }),
      ),
    );
    await world.harness.start({ CONCURRENT: '4' });
    await world.harness.start({ CONCURRENT: '4' });
    const created = [];
    for (let i = 0; i < events; i += 1)
      created.push(await createEvent(world.pool, applicationId, { eventTypeName: TYPE, payload: `{"n":${i}}` }));

    await Promise.all(created.map((event) => world.harness.dispatch(event)));
    const total = events * subscriptions.length;
    await world.harness.receiver.waitForRequests(total);
    await waitFor(async () => {
      const { rows } = await world.pool.query('SELECT count(*)::int AS n FROM request_attempt WHERE succeeded_at IS NOT NULL');
      return rows[0].n >= total ? true : undefined;
    }, `${total} succeeded attempts`);

    const { rows } = await world.pool.query<{ rows: number; pairs: number; retries: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT (event_id, subscription_id))::int AS pairs, max(retry_count)::int AS retries
         FROM request_attempt WHERE application_id = $1`,
      [applicationId],
    );
    expect(rows[0]).toEqual({ rows: total, pairs: total, retries: 0 });
    const delivered = world.harness.receiver.requests.map((request) => `${request.headers['x-event-id']}${request.path}`);
    expect(delivered).toHaveLength(total);
    expect(new Set(delivered).size).toBe(total);
  });
});
