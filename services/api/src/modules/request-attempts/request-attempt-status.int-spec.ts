import { useApiWorld } from '../../../test/api-world';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const HOUR = 3_600_000;

/** `GET /request_attempts?status=` (extension, docs/api.md "Request attempts by status"): the read-time status types. */
describe('request attempts by status', () => {
  const world = useApiWorld();
  const ids: Record<string, string> = {};

  const list = (query: Record<string, string>) =>
    world.harness
      .http()
      .get('/request_attempts')
      .query({ application_id: world.tenant.applicationId, ...query })
      .set(world.auth);

  beforeAll(async () => {
    const subscriptionId = (
      await world.harness.http().post('/subscriptions').set(world.auth).send(subscriptionBody(world.tenant.applicationId)).expect(201)
    ).body.subscription_id as string;
    const eventId = await ingestEvent(world.harness, world.tenant);
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
    const base = { applicationId: world.tenant.applicationId, eventId, subscriptionId };
    ids.failed = await insertAttempt(world.probe, { ...base, retryCount: 0, failedAt: at(0) });
    ids.successful = await insertAttempt(world.probe, { ...base, retryCount: 1, succeededAt: at(0) });
    ids.inprogress = await insertAttempt(world.probe, { ...base, retryCount: 2, pickedAt: at(0) });
    ids.waiting = await insertAttempt(world.probe, { ...base, retryCount: 3, delayUntil: at(HOUR) });
    ids.pending = await insertAttempt(world.probe, { ...base, retryCount: 4, delayUntil: at(-HOUR) });
  });

  it.each(['failed', 'successful', 'inprogress', 'waiting', 'pending'])(
    'lists only the %s attempts, as their status says',
    async (status) => {
      const response = await list({ status }).expect(200);
      expect(response.body.map((attempt: { request_attempt_id: string }) => attempt.request_attempt_id)).toEqual([ids[status]]);
      expect(response.body[0].status.type).toBe(status);
    },
  );

  it('takes a comma-separated list, and carries it into the next page link', async () => {
    const response = await list({ status: 'failed, waiting' }).expect(200);
    expect(response.body.map((attempt: { status: { type: string } }) => attempt.status.type).sort()).toEqual(['failed', 'waiting']);
    expect(response.headers.link).toContain('status=failed%2C+waiting');
    expect((await list({}).expect(200)).body).toHaveLength(5);
  });

  it.each(['done', 'failed,', ''])('refuses status=%p with 400 InvalidQueryString', async (status) => {
    expectProblem(await list({ status }), 400, 'InvalidQueryString');
  });
});
