import { randomUUID } from 'node:crypto';
import { startApiHarness, createTenant, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';
import { bearer, signedInViewer } from '../../../test/user-fixtures';

interface AttemptRow {
  readonly request_attempt_id: string;
  readonly dispatch_round: number;
  readonly retry_count: number;
  readonly finished: boolean;
}

/**
 * `POST /request_attempts/{id}/retry` and `POST /subscriptions/{id}/test` on the API side (docs/api.md "Subscription
 * actions"); delivery by the dispatcher is tested end to end in tests/e2e/subscription-actions.int-spec.ts.
 */
describe('manual deliveries', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let auth: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    auth = bearer(tenant.secret);
    viewer = await signedInViewer(harness, tenant.organizationId);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const subscribe = async (overrides: Record<string, unknown> = {}) =>
    (await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId, overrides)).expect(201)).body
      .subscription_id as string;
  /** An event and one finished (failed) attempt of it for the subscription, as the dispatcher leaves a dead letter. */
  const deadLetter = async (subscriptionId: string) => {
    const eventId = await ingestEvent(harness, tenant);
    const attemptId = await insertAttempt(probe, {
      applicationId: tenant.applicationId,
      eventId,
      subscriptionId,
      failedAt: new Date().toISOString(),
    });
    return { eventId, attemptId };
  };
  const retry = (attemptId: string, headers = auth, applicationId = tenant.applicationId) =>
    harness.http().post(`/request_attempts/${attemptId}/retry`).set(headers).send({ application_id: applicationId });
  const test = (subscriptionId: string, headers = auth) =>
    harness.http().post(`/subscriptions/${subscriptionId}/test`).set(headers).send({ application_id: tenant.applicationId });
  const attemptsOf = (eventId: string) =>
    probe.query<AttemptRow>(
      `SELECT request_attempt_id, dispatch_round, retry_count, (succeeded_at IS NOT NULL OR failed_at IS NOT NULL) AS finished
         FROM request_attempt WHERE event_id = $1 ORDER BY dispatch_round DESC, retry_count`,
      [eventId],
    );
  const replayedToday = async () =>
    Number(
      (
        await probe.query<{ amount: number }>(
          `SELECT coalesce(sum(amount), 0)::int AS amount FROM replayed_events_per_day WHERE application_id = $1`,
          [tenant.applicationId],
        )
      )[0].amount,
    );
  const finish = (attemptId: string) =>
    probe.query(`UPDATE request_attempt SET failed_at = now() WHERE request_attempt_id = $1`, [attemptId]);

  describe('retry', () => {
    it('answers 202 with a new first attempt of the same event for that subscription only, in a round of its own', async () => {
      const subscriptionId = await subscribe();
      const { eventId, attemptId } = await deadLetter(subscriptionId);
      const before = await replayedToday();

      const response = await retry(attemptId).expect(202);

      expect(response.body).toMatchObject({
        event_id: eventId,
        subscription: { subscription_id: subscriptionId },
        retry_count: 0,
        succeeded_at: null,
        failed_at: null,
        status: { type: 'pending' },
      });
      expect(response.body.request_attempt_id).not.toBe(attemptId);
      expect(await attemptsOf(eventId)).toEqual([
        { request_attempt_id: attemptId, dispatch_round: 0, retry_count: 0, finished: true },
        { request_attempt_id: response.body.request_attempt_id, dispatch_round: -1, retry_count: 0, finished: false },
      ]);
      expect(await replayedToday()).toBe(before + 1);
      const read = await harness
        .http()
        .get(`/request_attempts/${response.body.request_attempt_id}`)
        .query({ application_id: tenant.applicationId })
        .set(auth)
        .expect(200);
      expect(read.body.request_attempt_id).toBe(response.body.request_attempt_id);
    });

    it('answers 409 AttemptStillPending while the delivery has an unfinished attempt, and takes the next round below after', async () => {
      const subscriptionId = await subscribe();
      const { eventId, attemptId } = await deadLetter(subscriptionId);
      const first = (await retry(attemptId).expect(202)).body.request_attempt_id as string;
      expectProblem(await retry(attemptId), 409, 'AttemptStillPending');
      expectProblem(await retry(first), 409, 'AttemptStillPending');

      await finish(first);
      const second = (await retry(first).expect(202)).body.request_attempt_id as string;
      expect((await attemptsOf(eventId)).map((row) => [row.request_attempt_id, row.dispatch_round])).toEqual([
        [attemptId, 0],
        [first, -1],
        [second, -2],
      ]);
    });

    it('lets only one of two concurrent retries of a delivery through', async () => {
      const subscriptionId = await subscribe();
      const { eventId, attemptId } = await deadLetter(subscriptionId);
      const answers = await Promise.all([retry(attemptId), retry(attemptId), retry(attemptId)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409, 409]);
      expect(await attemptsOf(eventId)).toHaveLength(2);
    });

    it('answers 409 SubscriptionInactive for a disabled or deleted subscription, writing nothing', async () => {
      const disabled = await subscribe();
      const { eventId, attemptId } = await deadLetter(disabled);
      await harness
        .http()
        .put(`/subscriptions/${disabled}`)
        .set(auth)
        .send(subscriptionBody(tenant.applicationId, { is_enabled: false }))
        .expect(200);
      expectProblem(await retry(attemptId), 409, 'SubscriptionInactive');

      const deleted = await subscribe();
      const dead = await deadLetter(deleted);
      await harness.http().delete(`/subscriptions/${deleted}`).query({ application_id: tenant.applicationId }).set(auth).expect(204);
      const refusal = await retry(dead.attemptId);
      expectProblem(refusal, 409, 'SubscriptionInactive');
      expect(refusal.body.detail).toBe('The subscription was deleted.');
      expect(await attemptsOf(eventId)).toHaveLength(1);
      expect(await attemptsOf(dead.eventId)).toHaveLength(1);
    });

    it("answers 404 NotFound for an unknown attempt and another application's, 403 to a viewer", async () => {
      expectProblem(await retry(randomUUID()), 404, 'NotFound');
      const other = await createTenant(harness);
      const otherSubscription = (
        await harness.http().post('/subscriptions').set(bearer(other.secret)).send(subscriptionBody(other.applicationId)).expect(201)
      ).body.subscription_id as string;
      const otherEvent = await ingestEvent(harness, other);
      const foreign = await insertAttempt(probe, {
        applicationId: other.applicationId,
        eventId: otherEvent,
        subscriptionId: otherSubscription,
        failedAt: new Date().toISOString(),
      });
      expectProblem(await retry(foreign, bearer(harness.masterKey)), 404, 'NotFound');
      expectProblem(await retry(foreign, bearer(other.secret)), 403, 'Forbidden');
      const { attemptId } = await deadLetter(await subscribe());
      expectProblem(await retry(attemptId, viewer), 403, 'Forbidden');
      expect(await attemptsOf(otherEvent)).toHaveLength(1);
    });
  });

  describe('test delivery', () => {
    it('answers 202 with the attempt of a stored hook0.subscription.tested event, for that subscription only', async () => {
      const subscriptionId = await subscribe({ labels: { tenant_id: 'acme', region: 'eu' } });
      const bystander = await subscribe();

      const response = await test(subscriptionId).expect(202);

      expect(response.body).toMatchObject({
        event: { event_type_name: 'hook0.subscription.tested' },
        subscription: { subscription_id: subscriptionId },
        retry_count: 0,
        status: { type: 'pending' },
      });
      const eventId = response.body.event_id as string;
      const event = (await harness.http().get(`/events/${eventId}`).query({ application_id: tenant.applicationId }).set(auth).expect(200))
        .body;
      expect(event).toMatchObject({ event_type_name: 'hook0.subscription.tested', labels: { tenant_id: 'acme', region: 'eu' } });
      expect(JSON.parse(Buffer.from(event.payload, 'base64').toString('utf8'))).toMatchObject({
        application_id: tenant.applicationId,
        subscription_id: subscriptionId,
      });
      const rows = await probe.query<{ subscription_id: string }>(`SELECT subscription_id FROM request_attempt WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows).toEqual([{ subscription_id: subscriptionId }]);
      expect(rows).not.toContainEqual({ subscription_id: bystander });
      const [stored] = await probe.query<{ dispatch_round: number; dispatched_round: number }>(
        `SELECT dispatch_round, dispatched_round FROM event WHERE event_id = $1`,
        [eventId],
      );
      expect(stored).toEqual({ dispatch_round: 0, dispatched_round: 0 });
    });

    it('creates the event type deactivated when the application has none, so no subscription can list it', async () => {
      await test(await subscribe()).expect(202);
      const types = (await harness.http().get('/event_types').query({ application_id: tenant.applicationId }).set(auth).expect(200)).body;
      expect(types.map((type: { event_type_name: string }) => type.event_type_name)).not.toContain('hook0.subscription.tested');
      expectProblem(
        await harness
          .http()
          .post('/subscriptions')
          .set(auth)
          .send(subscriptionBody(tenant.applicationId, { event_types: ['hook0.subscription.tested'] })),
        400,
        'EventTypeDoesNotExist',
      );
    });

    it('answers 409 SubscriptionInactive when disabled, 404 when deleted or unknown, 403 to a viewer', async () => {
      const disabled = await subscribe({ is_enabled: false });
      expectProblem(await test(disabled), 409, 'SubscriptionInactive');
      const deleted = await subscribe();
      await harness.http().delete(`/subscriptions/${deleted}`).query({ application_id: tenant.applicationId }).set(auth).expect(204);
      expectProblem(await test(deleted), 404, 'NotFound');
      expectProblem(await test(randomUUID()), 404, 'NotFound');
      const before = await probe.counts();
      expectProblem(await test(await subscribe(), viewer), 403, 'Forbidden');
      expect((await probe.counts()).request_attempt).toBe(before.request_attempt);
    });
  });
});

describe('manual deliveries under quotas', () => {
  let harness: ApiHarness;
  let tenant: Tenant;

  beforeAll(async () => {
    harness = await startApiHarness({ ENABLE_QUOTA_ENFORCEMENT: 'true', QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '2' });
    tenant = await createTenant(harness);
  });
  afterAll(() => harness.close());

  it('count as events of the day: past the limit they answer 429 TooManyEventsToday', async () => {
    const auth = bearer(tenant.secret);
    const subscriptionId = (await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId)).expect(201))
      .body.subscription_id as string;
    const send = () =>
      harness.http().post(`/subscriptions/${subscriptionId}/test`).set(auth).send({ application_id: tenant.applicationId });
    await send().expect(202);
    await send().expect(202);
    expectProblem(await send(), 429, 'TooManyEventsToday');
  });
});
