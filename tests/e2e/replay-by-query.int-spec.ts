import { type ServiceProcess, waitFor, WebhookReceiver } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { DatabaseProbe } from '../../services/api/test/database-probe';
import { ingestEvent } from '../../services/api/test/event-requests';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

const RATE = 10;
const HOUR = 3_600_000;

interface ReplayView {
  readonly replay_id: string;
  readonly status: string;
  readonly matched: number;
  readonly scheduled: number;
  readonly skipped: number;
  readonly delivered: number;
}

/**
 * Replays by query through real processes (docs/api.md "Replays"): the dispatchers schedule the matched deliveries
 * only, at REPLAY_RATE per application, from state in PostgreSQL that a restarted dispatcher carries on with.
 */
describe('replays by query, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  const dispatchers: ServiceProcess[] = [];
  let receiverDown = true;

  const startDispatcher = async () => {
    const dispatcher = await startDispatcherFor(harness, {
      REPLAY_RATE: String(RATE),
      REPLAY_INTERVAL: '100ms',
      // After a crash: attempts scheduled but never announced, and leases the dead dispatcher held, come back soon.
      RECONCILE_INTERVAL: '1s',
      RECONCILE_STALE_AFTER: '2s',
      LEASE_RECOVERY_INTERVAL: '1s',
      TIMEOUT: '3s',
      CONNECT_TIMEOUT: '1s',
    });
    dispatchers.push(dispatcher);
    return dispatcher;
  };

  beforeAll(async () => {
    await receiver.start();
    receiver.respondWith((request) => ({ status: receiverDown && request.path.startsWith('/down') ? 503 : 204 }));
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    await startDispatcher();
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.terminate()));
    await probe?.close();
    await harness?.close();
    await receiver.stop();
  });

  const authOf = (tenant: Tenant) => ({ Authorization: `Bearer ${tenant.secret}` });
  const subscribe = async (tenant: Tenant, path: string, overrides: Record<string, unknown> = {}) =>
    (
      await harness
        .http()
        .post('/subscriptions')
        .set(authOf(tenant))
        .send(
          subscriptionBody(tenant.applicationId, {
            target: { type: 'http', method: 'POST', url: `${receiver.url}${path}`, headers: {} },
            ...overrides,
          }),
        )
        .expect(201)
    ).body.subscription_id as string;
  const ingest = async (tenant: Tenant, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await ingestEvent(harness, tenant));
    return ids;
  };
  const startReplay = async (tenant: Tenant, body: Record<string, unknown>) =>
    (
      await harness
        .http()
        .post('/replays')
        .set(authOf(tenant))
        .send({
          application_id: tenant.applicationId,
          from: new Date(Date.now() - HOUR).toISOString(),
          to: new Date(Date.now() + HOUR).toISOString(),
          ...body,
        })
        .expect(202)
    ).body as { replay_id: string; matched: number };
  const replayOf = async (tenant: Tenant, replayId: string): Promise<ReplayView> =>
    (await harness.http().get(`/replays/${replayId}`).query({ application_id: tenant.applicationId }).set(authOf(tenant)).expect(200)).body;
  const untilDelivered = (tenant: Tenant, replayId: string, count: number) =>
    waitFor(
      async () => {
        const replay = await replayOf(tenant, replayId);
        return replay.delivered === count ? replay : undefined;
      },
      `${count} deliveries of replay ${replayId}`,
      60_000,
      100,
    );
  const deliveriesTo = (path: string) => receiver.requests.filter((request) => request.path === path);
  const attemptsOfRound = (subscriptionId: string, dispatchRound: number) =>
    probe.query<{ event_id: string; retry_count: number }>(
      'SELECT event_id, retry_count FROM request_attempt WHERE subscription_id = $1 AND dispatch_round = $2',
      [subscriptionId, dispatchRound],
    );
  const attemptCount = async (subscriptionId: string) =>
    Number(
      (await probe.query<{ n: string }>('SELECT count(*) AS n FROM request_attempt WHERE subscription_id = $1', [subscriptionId]))[0].n,
    );

  it('re-delivers exhausted deliveries to their subscription only, carrying on after its dispatcher is killed mid-replay', async () => {
    const tenant = await createTenant(harness);
    const down = await subscribe(tenant, '/down', { max_retries: 0 });
    const up = await subscribe(tenant, '/up');
    const events = await ingest(tenant, 60);
    await waitFor(async () => {
      const failed = await probe.query('SELECT 1 FROM request_attempt WHERE subscription_id = $1 AND failed_at IS NOT NULL', [down]);
      return failed.length === 60 && new Set(deliveriesTo('/up').map((r) => r.headers['x-event-id'])).size === 60 ? true : undefined;
    }, 'the first deliveries, failed to /down and successful to /up');
    const upAttemptsBefore = await attemptCount(up);
    const upDeliveriesBefore = deliveriesTo('/up').length;
    receiverDown = false;

    const replayStart = Date.now();
    const { replay_id: replayId, matched } = await startReplay(tenant, { status: 'exhausted' });
    expect(matched).toBe(60);
    // 60 deliveries at 10 per second take five seconds at least: the dispatcher dies well before the end.
    await waitFor(async () => ((await replayOf(tenant, replayId)).scheduled >= 10 ? true : undefined), 'the first batch');
    await dispatchers.shift()!.kill();
    const atCrash = await replayOf(tenant, replayId);
    expect(atCrash.status).toBe('running');
    expect(atCrash.scheduled).toBeLessThan(60);

    await startDispatcher();
    const done = await untilDelivered(tenant, replayId, 60);
    expect(done).toMatchObject({ status: 'completed', matched: 60, scheduled: 60, skipped: 0 });
    // One first attempt per matched delivery, on the event's new round, none twice; nothing new for /up.
    const replayed = await attemptsOfRound(down, 1);
    expect(
      replayed
        .filter((attempt) => attempt.retry_count === 0)
        .map((attempt) => attempt.event_id)
        .sort(),
    ).toEqual([...events].sort());
    expect(await attemptCount(up)).toBe(upAttemptsBefore);
    expect(deliveriesTo('/up')).toHaveLength(upDeliveriesBefore);
    const received = deliveriesTo('/down').filter((request) => request.receivedAt >= replayStart);
    expect(new Set(received.map((request) => request.headers['x-event-id']))).toEqual(new Set(events));
    const rounds = await probe.query<{ n: string }>(
      'SELECT count(*) AS n FROM event WHERE application_id = $1 AND (dispatch_round <> 1 OR dispatched_round IS DISTINCT FROM 1)',
      [tenant.applicationId],
    );
    expect(rounds[0].n).toBe('0');
  });

  it('schedules each application at its own rate: a small replay finishes while a large one of another application still runs, under two dispatchers', async () => {
    await startDispatcher();
    const big = await createTenant(harness);
    const small = await createTenant(harness);
    const bigSubscription = await subscribe(big, '/big');
    const smallSubscription = await subscribe(small, '/small');
    await ingest(big, 60);
    await ingest(small, 5);
    await waitFor(
      async () => (deliveriesTo('/big').length >= 60 && deliveriesTo('/small').length >= 5 ? true : undefined),
      'the first deliveries',
    );

    const bigReplay = await startReplay(big, { status: 'any' });
    const smallReplay = await startReplay(small, { status: 'any' });
    expect([bigReplay.matched, smallReplay.matched]).toEqual([60, 5]);
    await untilDelivered(small, smallReplay.replay_id, 5);
    // At REPLAY_RATE=10 the large one needs five seconds at least, whatever the machine; the small one, one batch.
    expect((await replayOf(big, bigReplay.replay_id)).status).toBe('running');

    // Never more than one second's burst plus the rate over the time elapsed, across both dispatchers.
    await waitFor(
      async () => {
        const [row] = await probe.query<{ scheduled: number; elapsed: number; status: string }>(
          `SELECT scheduled, extract(epoch FROM now() - created_at)::float8 AS elapsed, status FROM replay WHERE replay_id = $1`,
          [bigReplay.replay_id],
        );
        expect(row.scheduled).toBeLessThanOrEqual(Math.floor(RATE * (row.elapsed + 1)) + 1);
        return row.status === 'completed' ? true : undefined;
      },
      'the large replay to be scheduled',
      60_000,
      100,
    );
    await untilDelivered(big, bigReplay.replay_id, 60);
    expect(await attemptsOfRound(bigSubscription, 1)).toHaveLength(60);
    expect(await attemptsOfRound(smallSubscription, 1)).toHaveLength(5);
  });

  it('stops scheduling once cancelled: what was scheduled before is delivered, nothing after', async () => {
    const tenant = await createTenant(harness);
    const subscription = await subscribe(tenant, '/cancelled');
    await ingest(tenant, 40);
    await waitFor(async () => (deliveriesTo('/cancelled').length >= 40 ? true : undefined), 'the first deliveries');

    const { replay_id: replayId } = await startReplay(tenant, { status: 'any' });
    await waitFor(async () => ((await replayOf(tenant, replayId)).scheduled > 0 ? true : undefined), 'the first batch');
    const cancelled = (
      await harness.http().delete(`/replays/${replayId}`).query({ application_id: tenant.applicationId }).set(authOf(tenant)).expect(200)
    ).body as ReplayView;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.scheduled).toBeLessThan(40);

    const after = await untilDelivered(tenant, replayId, cancelled.scheduled);
    expect(after).toMatchObject({ status: 'cancelled', scheduled: cancelled.scheduled });
    expect(await attemptsOfRound(subscription, 1)).toHaveLength(cancelled.scheduled);
    const [left] = await probe.query<{ n: string }>('SELECT count(*) AS n FROM replay_item WHERE replay_id = $1 AND outcome IS NULL', [
      replayId,
    ]);
    expect(Number(left.n)).toBe(40 - cancelled.scheduled);
  });
});
