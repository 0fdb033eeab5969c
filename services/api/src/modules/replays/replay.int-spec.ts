import { randomUUID } from 'node:crypto';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const HOUR = 3_600_000;
const window = () => ({ from: new Date(Date.now() - HOUR).toISOString(), to: new Date(Date.now() + HOUR).toISOString() });

/**
 * `POST/GET/DELETE /replays` on the API's side (docs/api.md "Replays"): what each status filter matches, dry runs,
 * the replay's record, cancelling, and its scope. Scheduling is the dispatcher's (tests/e2e/replay-by-query.int-spec.ts).
 */
describe('replays by query', () => {
  const world = useApiWorld();
  let subA: string;
  let subB: string;
  let events: string[];

  const subscribe = async (overrides: Record<string, unknown> = {}) =>
    (
      await world.harness
        .http()
        .post('/subscriptions')
        .set(world.auth)
        .send(subscriptionBody(world.tenant.applicationId, overrides))
        .expect(201)
    ).body.subscription_id as string;
  const post = (body: Record<string, unknown>, headers = world.auth) =>
    world.harness
      .http()
      .post('/replays')
      .set(headers)
      .send({ application_id: world.tenant.applicationId, ...window(), ...body });
  const get = (replayId: string, applicationId = world.tenant.applicationId) =>
    world.harness.http().get(`/replays/${replayId}`).query({ application_id: applicationId }).set(world.auth);
  const cancel = (replayId: string) =>
    world.harness.http().delete(`/replays/${replayId}`).query({ application_id: world.tenant.applicationId }).set(world.auth);
  const items = (replayId: string) =>
    world.probe.query<{ event_id: string; subscription_id: string }>(
      'SELECT event_id, subscription_id FROM replay_item WHERE replay_id = $1 ORDER BY position',
      [replayId],
    );

  beforeAll(async () => {
    subA = await subscribe();
    subB = await subscribe({ description: 'second' });
    events = [];
    for (let i = 0; i < 4; i += 1) events.push(await ingestEvent(world.harness, world.tenant));
    const attempt = (eventId: string, subscriptionId: string, retryCount: number, outcome: 'failed' | 'succeeded' | 'pending') =>
      insertAttempt(world.probe, {
        applicationId: world.tenant.applicationId,
        eventId,
        subscriptionId,
        retryCount,
        failedAt: outcome === 'failed' ? new Date().toISOString() : null,
        succeededAt: outcome === 'succeeded' ? new Date().toISOString() : null,
        delayUntil: outcome === 'pending' ? new Date(Date.now() + HOUR).toISOString() : null,
      });
    // events[0] → A: failed, a retry waits. events[1] → A: failed, nothing follows. events[2] → A: failed, then succeeded.
    // events[3]: never attempted. B: events[0] succeeded, events[1] failed with nothing following.
    await attempt(events[0], subA, 0, 'failed');
    await attempt(events[0], subA, 1, 'pending');
    await attempt(events[1], subA, 0, 'failed');
    await attempt(events[2], subA, 0, 'failed');
    await attempt(events[2], subA, 1, 'succeeded');
    await attempt(events[0], subB, 0, 'succeeded');
    await attempt(events[1], subB, 0, 'failed');
  });

  it.each([
    ['failed (the latest finished attempt failed)', { status: 'failed' }, 3, 2],
    ['the default, failed', {}, 3, 2],
    ['exhausted (the latest attempt failed, nothing follows)', { status: 'exhausted' }, 2, 1],
    ['any (every matching pair, attempted or not)', { status: 'any' }, 8, 4],
  ])('a dry run of %s counts its deliveries and events and writes nothing', async (_case, body, matched, distinctEvents) => {
    const before = await world.probe.fingerprint();
    const response = await post({ ...body, dry_run: true }).expect(202);
    expect(response.body).toEqual({ replay_id: null, matched, events: distinctEvents, status: 'dry_run' });
    expect(await world.probe.fingerprint()).toBe(before);
    expect(await world.probe.query('SELECT 1 FROM replay')).toEqual([]);
  });

  it('narrows by subscription, by event type and by window', async () => {
    const count = async (body: Record<string, unknown>) => (await post({ ...body, dry_run: true }).expect(202)).body.matched as number;
    expect(await count({ status: 'any', subscription_ids: [subB.toUpperCase()] })).toBe(4);
    expect(await count({ status: 'failed', subscription_ids: [subB] })).toBe(1);
    expect(await count({ status: 'any', event_types: ['billing.invoice.paid'] })).toBe(8);
    expect(await count({ status: 'any', event_types: ['billing.invoice.voided'] })).toBe(0);
    expect(await count({ status: 'any', event_types: null, subscription_ids: null })).toBe(await count({ status: 'any' }));
    const future = new Date(Date.now() + HOUR).toISOString();
    expect(await count({ status: 'any', from: future, to: new Date(Date.now() + 2 * HOUR).toISOString() })).toBe(0);
  });

  it('creates a replay of the matched pairs, counted as replayed events of today, then shows its progress', async () => {
    const replayedBefore = await replayedToday(world.probe, world.tenant);
    const created = await post({ status: 'exhausted' }).expect(202);
    expect(created.body).toEqual({ replay_id: expect.any(String), matched: 2, events: 1, status: 'running' });
    expect(await items(created.body.replay_id)).toEqual([
      { event_id: events[1], subscription_id: subA < subB ? subA : subB },
      { event_id: events[1], subscription_id: subA < subB ? subB : subA },
    ]);
    expect(await replayedToday(world.probe, world.tenant)).toBe(replayedBefore + 1);
    const shown = await get(created.body.replay_id).expect(200);
    expect(shown.body).toMatchObject({
      replay_id: created.body.replay_id,
      application_id: world.tenant.applicationId,
      status: 'running',
      query: { status: 'exhausted', subscription_ids: null, event_types: null },
      matched: 2,
      events: 1,
      scheduled: 0,
      skipped: 0,
      delivered: 0,
      finished_at: null,
    });
  });

  it('cancels a running replay (200, status cancelled, again idempotently) and refuses to cancel a finished one', async () => {
    const replayId = (await post({ status: 'failed' }).expect(202)).body.replay_id as string;
    const cancelled = await cancel(replayId).expect(200);
    expect(cancelled.body).toMatchObject({ replay_id: replayId, status: 'cancelled', scheduled: 0, finished_at: expect.any(String) });
    expect((await cancel(replayId).expect(200)).body.status).toBe('cancelled');
    expect((await get(replayId).expect(200)).body.status).toBe('cancelled');

    const empty = await post({ status: 'any', event_types: ['billing.invoice.voided'] }).expect(202);
    expect(empty.body).toMatchObject({ matched: 0, status: 'completed' });
    expectProblem(await cancel(empty.body.replay_id), 409, 'ReplayFinished');
  });

  it("answers 404 to an unknown replay and to another application's, which it leaves running", async () => {
    expectProblem(await get(randomUUID()), 404, 'NotFound');
    expectProblem(await cancel(randomUUID()), 404, 'NotFound');
    const other = await createTenant(world.harness);
    const master = { Authorization: `Bearer ${world.harness.masterKey}` };
    const replayId = (await post({ status: 'failed' }).expect(202)).body.replay_id as string;
    expectProblem(
      await world.harness.http().get(`/replays/${replayId}`).query({ application_id: other.applicationId }).set(master),
      404,
      'NotFound',
    );
    expectProblem(
      await world.harness.http().delete(`/replays/${replayId}`).query({ application_id: other.applicationId }).set(master),
      404,
      'NotFound',
    );
    expect((await get(replayId).expect(200)).body.status).toBe('running');
  });

  it.each([
    ['from after to', { from: new Date().toISOString(), to: new Date(Date.now() - HOUR).toISOString() }, 400, 'InvalidDateRange'],
    ['an unknown status', { status: 'broken' }, 422, 'Validation'],
    ['an empty subscription list', { subscription_ids: [] }, 422, 'Validation'],
    ['a subscription id that is not a UUID', { subscription_ids: ['nope'] }, 400, 'JsonPayload'],
    ['a date that is not RFC 3339', { from: 'yesterday' }, 400, 'JsonPayload'],
    ['dry_run as text', { dry_run: 'yes' }, 400, 'JsonPayload'],
  ])('refuses %s, creating nothing', async (_case, body, status, id) => {
    const before = (await world.probe.query('SELECT count(*)::int AS n FROM replay'))[0];
    expectProblem(await post(body), status, id);
    expect((await world.probe.query('SELECT count(*)::int AS n FROM replay'))[0]).toEqual(before);
  });
});

/** A replay counts against the events-per-day quota like ingest (docs/hook0-compatibility.md "Quotas"). */
describe('replays by query, quotas enforced', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;

  beforeAll(async () => {
    harness = await startApiHarness({ ENABLE_QUOTA_ENFORCEMENT: 'true', QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT: '5' });
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  it('refuses a replay of more events than the day has left with TooManyEventsToday, before writing anything', async () => {
    const auth = { Authorization: `Bearer ${tenant.secret}` };
    await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId)).expect(201);
    for (let i = 0; i < 3; i += 1) await ingestEvent(harness, tenant);
    const replay = (dryRun: boolean) =>
      harness
        .http()
        .post('/replays')
        .set(auth)
        .send({ application_id: tenant.applicationId, ...window(), status: 'any', dry_run: dryRun });

    expect((await replay(true).expect(202)).body).toMatchObject({ matched: 3, events: 3 });
    const refused = await replay(false);
    expectProblem(refused, 429, 'TooManyEventsToday');
    expect(refused.body.detail).toContain('5 events per day');
    expect(await probe.query('SELECT 1 FROM replay')).toEqual([]);
    expect(await replayedToday(probe, tenant)).toBe(0);

    await probe.query('DELETE FROM event WHERE event_id IN (SELECT event_id FROM event WHERE application_id = $1 LIMIT 1)', [
      tenant.applicationId,
    ]);
    expect((await replay(false).expect(202)).body).toMatchObject({ matched: 2, events: 2, status: 'running' });
    expect(await replayedToday(probe, tenant)).toBe(2);
  });
});

async function replayedToday(probe: DatabaseProbe, tenant: Tenant): Promise<number> {
  const [row] = await probe.query<{ n: string }>(
    'SELECT coalesce(sum(amount), 0) AS n FROM replayed_events_per_day WHERE application_id = $1',
    [tenant.applicationId],
  );
  return Number(row.n);
}
