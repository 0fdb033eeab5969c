import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

/** Disabling or deleting a subscription fails its pending attempts (docs/hook0-compatibility.md "Subscriptions"). */
describe('subscriptions: disable and delete', () => {
  const world = useApiWorld();

  const create = (overrides: Record<string, unknown> = {}) =>
    world.harness.http().post('/subscriptions').set(world.auth).send(subscriptionBody(world.tenant.applicationId, overrides));
  const get = (id: string) => world.harness.http().get(`/subscriptions/${id}`).set(world.auth);
  const put = (id: string, overrides: Record<string, unknown> = {}) =>
    world.harness.http().put(`/subscriptions/${id}`).set(world.auth).send(subscriptionBody(world.tenant.applicationId, overrides));
  const remove = (id: string, headers = world.auth) =>
    world.harness.http().delete(`/subscriptions/${id}`).query({ application_id: world.tenant.applicationId }).set(headers);

  async function attemptsOfEachKind(subscriptionId: string): Promise<Record<string, string>> {
    const eventId = await ingestEvent(world.harness, world.tenant);
    const base = { applicationId: world.tenant.applicationId, eventId, subscriptionId };
    return {
      pending: await insertAttempt(world.probe, { ...base, retryCount: 0 }),
      picked: await insertAttempt(world.probe, { ...base, retryCount: 1, pickedAt: '2026-01-01T00:00:00Z' }),
      waiting: await insertAttempt(world.probe, { ...base, retryCount: 2, delayUntil: '2999-01-01T00:00:00Z' }),
      succeeded: await insertAttempt(world.probe, { ...base, retryCount: 3, succeededAt: '2026-01-01T00:00:01Z' }),
      failed: await insertAttempt(world.probe, { ...base, retryCount: 4, failedAt: '2026-01-01T00:00:02Z' }),
    };
  }

  async function attemptStates(ids: Record<string, string>) {
    const rows = await world.probe.query<{ request_attempt_id: string; failed_at: Date | null; succeeded_at: Date | null }>(
      'SELECT request_attempt_id, failed_at, succeeded_at FROM request_attempt WHERE request_attempt_id = ANY($1)',
      [Object.values(ids)],
    );
    const byId = new Map(rows.map((row) => [row.request_attempt_id, row]));
    return Object.fromEntries(Object.entries(ids).map(([kind, id]) => [kind, byId.get(id)!]));
  }

  it('disabling with PUT fails every pending attempt now, leaves finished ones, and re-enabling does not resume them', async () => {
    const created = await create().expect(201);
    const ids = await attemptsOfEachKind(created.body.subscription_id);
    const before = Date.now();
    await put(created.body.subscription_id, { is_enabled: false }).expect(200);
    const states = await attemptStates(ids);
    for (const kind of ['pending', 'picked', 'waiting']) {
      expect(states[kind].succeeded_at).toBeNull();
      expect(states[kind].failed_at!.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    }
    expect(states.succeeded.failed_at).toBeNull();
    expect(states.failed.failed_at!.toISOString()).toBe('2026-01-01T00:00:02.000Z');
    await put(created.body.subscription_id, { is_enabled: true }).expect(200);
    expect((await attemptStates(ids)).pending.failed_at).not.toBeNull();
  });

  it('an enabled PUT leaves pending attempts alone', async () => {
    const created = await create().expect(201);
    const ids = await attemptsOfEachKind(created.body.subscription_id);
    await put(created.body.subscription_id, { description: 'renamed' }).expect(200);
    expect((await attemptStates(ids)).pending.failed_at).toBeNull();
  });

  it('deletes softly (204) and fails pending attempts; deleting again is 204; unknown is 404; a foreign secret is 403', async () => {
    const created = await create().expect(201);
    const id: string = created.body.subscription_id;
    const ids = await attemptsOfEachKind(id);
    const other = await createTenant(world.harness, []);
    expectProblem(await remove(id, { Authorization: `Bearer ${other.secret}` }), 403, 'Forbidden');
    const response = await remove(id).expect(204);
    expect(response.text).toBe('');
    const [row] = await world.probe.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM subscription WHERE subscription_id = $1', [
      id,
    ]);
    expect(row.deleted_at).toBeInstanceOf(Date);
    const states = await attemptStates(ids);
    expect(states.pending.failed_at).not.toBeNull();
    expect(states.succeeded.failed_at).toBeNull();
    expectProblem(await get(id), 404, 'NotFound');
    await remove(id).expect(204);
    const [again] = await world.probe.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM subscription WHERE subscription_id = $1', [
      id,
    ]);
    expect(again.deleted_at).toEqual(row.deleted_at);
    expectProblem(await remove('00000000-0000-4000-8000-000000000000'), 404, 'NotFound');
  });
});
