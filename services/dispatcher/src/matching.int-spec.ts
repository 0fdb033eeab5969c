import { createApplication, createEvent, createSubscription, queueDepth, waitFor } from '@hook0/testing';
import type { DispatcherHandle } from './dispatcher';
import { useDispatcherWorld } from '../test/dispatcher-harness';

describe('which subscriptions an event goes to', () => {
  const world = useDispatcherWorld();
  let dispatcher: DispatcherHandle;

  beforeEach(async () => {
    dispatcher = await world.harness.start();
  });

  it('matches on event type and on labels the event contains, never on labels it lacks; skips disabled and deleted subscriptions', async () => {
    const { applicationId, organizationId } = await createApplication(world.pool);
    const other = await createApplication(world.pool, { organizationId });
    const type = 'billing.invoice.paid';
    const url = (name: string) => `${world.harness.receiver.url}/${name}`;
    const subscribe = (app: string, name: string, options: Partial<Parameters<typeof createSubscription>[2]>) =>
      createSubscription(world.pool, app, { url: url(name), eventTypes: [type], ...options });

    const expected = [
      await subscribe(applicationId, 'subset-labels', { labels: { env: 'prod' } }),
      await subscribe(applicationId, 'equal-labels', { labels: { env: 'prod', region: 'eu' } }),
      await subscribe(applicationId, 'several-types', { labels: { env: 'prod' }, eventTypes: ['iam.user.created', type] }),
    ];
    const unexpected = [
      await subscribe(applicationId, 'extra-label', { labels: { env: 'prod', tier: 'gold' } }),
      await subscribe(applicationId, 'other-value', { labels: { env: 'prod', region: 'us' } }),
      await subscribe(applicationId, 'case-differs', { labels: { env: 'Prod' } }),
      await subscribe(applicationId, 'other-type', { labels: { env: 'prod' }, eventTypes: ['iam.user.created'] }),
      await subscribe(applicationId, 'disabled', { labels: { env: 'prod' }, isEnabled: false }),
      await subscribe(applicationId, 'deleted', { labels: { env: 'prod' }, deletedAt: new Date() }),
      await subscribe(other.applicationId, 'other-application', { labels: { env: 'prod' } }),
    ];
    const event = await createEvent(world.pool, applicationId, { eventTypeName: type, labels: { env: 'prod', region: 'eu' } });

    await world.harness.dispatch(event);
    const requests = await world.harness.receiver.waitForRequests(expected.length);
    const attempts = await world.harness.finishedAttempts(event, expected.length);

    expect(attempts.map((attempt) => attempt.subscriptionId).sort()).toEqual(expected.map((s) => s.subscriptionId).sort());
    expect(requests.map((request) => request.path).sort()).toEqual(['/equal-labels', '/several-types', '/subset-labels']);
    const { rows } = await world.pool.query('SELECT count(*)::int AS n FROM request_attempt WHERE subscription_id = ANY($1::uuid[])', [
      unexpected.map((s) => s.subscriptionId),
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('creates no attempt for an event of a deleted application, and acks a dispatch of an unknown event', async () => {
    const { applicationId } = await createApplication(world.pool);
    await createSubscription(world.pool, applicationId, { url: world.harness.receiver.url, eventTypes: ['billing.invoice.paid'] });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: 'billing.invoice.paid' });
    await world.pool.query('UPDATE application SET deleted_at = now() WHERE application_id = $1', [applicationId]);

    await world.harness.dispatch(event);
    await world.harness.dispatch({ applicationId, eventId: '00000000-0000-4000-8000-000000000000' });
    const { dispatchQueue, deadLetterQueue } = world.harness.topology;
    await waitFor(
      async () => ((await queueDepth(world.harness.amqp.url, dispatchQueue)) === 0 ? true : undefined),
      'dispatch messages taken',
    );
    await dispatcher.stop();

    expect(await queueDepth(world.harness.amqp.url, dispatchQueue)).toBe(0);
    expect(await queueDepth(world.harness.amqp.url, deadLetterQueue)).toBe(0);
    expect(await world.harness.attempts(event)).toEqual([]);
    expect(world.harness.receiver.requests).toEqual([]);
  });
});
