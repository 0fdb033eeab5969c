import { drainQueue, scrapeMetric, TcpProxy, testAmqp, waitFor } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { subscriptionBody } from '../../../test/subscription.fixtures';
import { bearer } from '../../../test/user-fixtures';

const backlog = (harness: ApiHarness) => scrapeMetric(harness.api.opsUrl, 'hook0_outbox_backlog');

/**
 * A retried attempt and a test delivery are written with their outbox row in one transaction, like an ingested event
 * (docs/guarantees.md): accepted while RabbitMQ is unreachable, announced to the deliver queue once it is back.
 */
describe('manual deliveries while RabbitMQ is unreachable', () => {
  let proxy: TcpProxy;
  let harness: ApiHarness;
  let probe: DatabaseProbe;

  beforeAll(async () => {
    const forwarded = await TcpProxy.forUrl(testAmqp().url, 5672);
    proxy = forwarded.proxy;
    proxy.cut();
    harness = await startApiHarness({ AMQP_URL: forwarded.url }, { awaitBroker: false });
    probe = await DatabaseProbe.open(harness);
  });
  afterAll(async () => {
    proxy.restore();
    await probe.close();
    await harness.close();
    await proxy.close();
  });

  it('keeps each attempt and its outbox row, and publishes its deliver message once the broker is reachable', async () => {
    const tenant = await createTenant(harness);
    const auth = bearer(tenant.secret);
    const subscriptionId = (await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId)).expect(201))
      .body.subscription_id as string;
    const eventId = await ingestEvent(harness, tenant);
    const dead = await insertAttempt(probe, {
      applicationId: tenant.applicationId,
      eventId,
      subscriptionId,
      failedAt: new Date().toISOString(),
    });
    const body = { application_id: tenant.applicationId };

    const retried = (await harness.http().post(`/request_attempts/${dead}/retry`).set(auth).send(body).expect(202)).body.request_attempt_id;
    const tested = (await harness.http().post(`/subscriptions/${subscriptionId}/test`).set(auth).send(body).expect(202)).body
      .request_attempt_id;

    const queued = await probe.query<{ request_attempt_id: string }>(
      `SELECT request_attempt_id FROM event_outbox WHERE request_attempt_id IS NOT NULL ORDER BY request_attempt_id`,
    );
    expect(queued.map((row) => row.request_attempt_id)).toEqual([retried, tested].sort());

    proxy.restore();
    await waitFor(async () => ((await backlog(harness)) === 0 ? true : undefined), 'an empty outbox', 60_000, 100);
    const messages = (await drainQueue(testAmqp().url, `${harness.config.amqpPrefix}.deliver`)) as { type: string; attemptId: string }[];
    expect(messages.map((message) => [message.type, message.attemptId]).sort()).toEqual(
      [
        ['attempt.deliver', retried],
        ['attempt.deliver', tested],
      ].sort(),
    );
  }, 90_000);
});
