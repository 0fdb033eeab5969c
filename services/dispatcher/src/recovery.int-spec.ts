import { randomUUID } from 'node:crypto';
import { MessagePublisher } from '@hook0/messaging';
import { createApplication, createEvent, createSubscription, drainQueue, queueDepth, waitFor } from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

describe('deliver messages that arrive again, late or early', () => {
  const world = useDispatcherWorld();

  async function fixture(options: { isEnabled?: boolean } = {}) {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      eventTypes: [TYPE],
      ...options,
    });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    const insertAttempt = async (retryCount: number, state: 'pending' | 'failed', delayMs: number | null = null) => {
      const attemptId = randomUUID();
      let responseId: string | null = null;
      if (state === 'failed') {
        responseId = randomUUID();
        await world.pool.query(
          `INSERT INTO response (response_id, application_id, response_error_name, http_code, elapsed_time_ms) VALUES ($1, $2, 'E_HTTP', 503, 5)`,
          [responseId, applicationId],
        );
      }
      await world.pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, delay_until, failed_at, response_id)
         VALUES ($1, $2, $3, $4, 0, $5, now() + $6 * interval '1 millisecond', $7, $8)`,
        [
          attemptId,
          event.eventId,
          subscription.subscriptionId,
          applicationId,
          retryCount,
          delayMs,
          state === 'failed' ? new Date() : null,
          responseId,
        ],
      );
      return attemptId;
    };
    return { subscription, event, insertAttempt };
  }

  async function deliver(attemptId: string, dueAt = Date.now()): Promise<void> {
    await new MessagePublisher(world.harness.broker).deliver(attemptId, dueAt);
  }

  it('re-announces the pending successor of a failed attempt (a crash between commit and publish)', async () => {
    await world.harness.start();
    const { event, insertAttempt } = await fixture();
    const failed = await insertAttempt(0, 'failed');
    const successor = await insertAttempt(1, 'pending', 200);

    await deliver(failed);
    await world.harness.receiver.waitForRequests(1);
    const attempts = await world.harness.finishedAttempts(event, 2);

    expect(attempts.map((attempt) => attempt.attemptId)).toEqual([failed, successor]);
    expect(attempts[1].succeededAt).not.toBeNull();
  });

  it('re-publishes the dead letter of an attempt that exhausted its retries', async () => {
    await world.harness.start({ MAX_RETRIES: '0' });
    const { event, subscription, insertAttempt } = await fixture();
    const failed = await insertAttempt(0, 'failed');

    await deliver(failed);
    await waitFor(
      async () => ((await queueDepth(world.harness.amqp.url, world.harness.topology.deadLetterQueue)) > 0 ? true : undefined),
      'a dead letter',
    );

    expect(await drainQueue(world.harness.amqp.url, world.harness.topology.deadLetterQueue)).toEqual([
      {
        v: 1,
        type: 'attempt.dead',
        attemptId: failed,
        eventId: event.eventId,
        subscriptionId: subscription.subscriptionId,
        reason: 'retries_exhausted',
      },
    ]);
    expect(world.harness.receiver.requests).toHaveLength(0);
  });

  it('fails without sending an attempt whose subscription was disabled since fan-out, and does not dead-letter it', async () => {
    const dispatcher = await world.harness.start();
    const { event, insertAttempt } = await fixture({ isEnabled: false });
    const pending = await insertAttempt(0, 'pending');

    await deliver(pending);
    const [attempt] = await world.harness.finishedAttempts(event, 1);
    await dispatcher.stop();

    expect(attempt).toMatchObject({ attemptId: pending, responseId: null });
    expect(attempt.failedAt).not.toBeNull();
    expect(world.harness.receiver.requests).toHaveLength(0);
    expect(await queueDepth(world.harness.amqp.url, world.harness.topology.deadLetterQueue)).toBe(0);
  });

  it('holds a message due later in the wait ladder until it is due', async () => {
    await world.harness.start();
    const { insertAttempt } = await fixture();
    const pending = await insertAttempt(0, 'pending');
    const dueAt = Date.now() + 700;

    await deliver(pending, dueAt);
    const [request] = await world.harness.receiver.waitForRequests(1);

    expect(request.receivedAt).toBeGreaterThanOrEqual(dueAt - 50);
  });
});
