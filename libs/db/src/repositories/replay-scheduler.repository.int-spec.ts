import { randomUUID } from 'node:crypto';
import { createDispatchFixture, createEvent, DISPATCH_FIXTURE_EVENT_TYPE, useTestDataSource } from '@hook0/testing';
import { ReplayRepository } from './replay.repository';
import { ReplaySchedulerRepository, type ReplayBatch } from './replay-scheduler.repository';

const HOUR = 3_600_000;
const admitAll = () => Promise.resolve();

/** The scheduling statements of replays by query (docs/api.md "Replays"), against PostgreSQL. */
describe('ReplaySchedulerRepository', () => {
  const db = useTestDataSource({ applicationName: 'replay-scheduler-test', poolSize: 6 });
  let replays: ReplayRepository;
  let scheduler: ReplaySchedulerRepository;

  beforeAll(() => {
    replays = new ReplayRepository(db.dataSource);
    scheduler = new ReplaySchedulerRepository(db.dataSource);
  });

  /** A replay of the last and next hour's events of the application to one subscription. */
  const replayTo = (applicationId: string, subscriptionId: string) =>
    replays.create(
      randomUUID(),
      {
        applicationId,
        from: new Date(Date.now() - HOUR).toISOString(),
        to: new Date(Date.now() + HOUR).toISOString(),
        subscriptionIds: [subscriptionId],
        status: 'any',
      },
      1000,
      admitAll,
    );

  /** An application with two subscriptions and `events` events fanned out (round 0), replayed to the first subscription. */
  async function replayOf(events: number) {
    const { applicationId, subs, event } = await createDispatchFixture(db.pool, [{}, {}]);
    const eventIds = [event.eventId];
    for (let i = 1; i < events; i += 1)
      eventIds.push((await createEvent(db.pool, applicationId, { eventTypeName: DISPATCH_FIXTURE_EVENT_TYPE })).eventId);
    await db.pool.query('UPDATE event SET dispatched_round = dispatch_round WHERE application_id = $1', [applicationId]);
    const replay = await replayTo(applicationId, subs[0].subscriptionId);
    return { applicationId, subs, eventIds, replay };
  }
  const options = (ratePerSecond: number, maxBatch = 1000) => ({ ratePerSecond, maxBatch, newId: randomUUID });

  it('gives each matched pair one first attempt on a new round of its event, for its subscription only, within the rate', async () => {
    const { applicationId, subs, eventIds, replay } = await replayOf(5);
    expect(replay).toMatchObject({ matched: 5, events: 5, status: 'running' });
    expect(await scheduler.applicationsWithRunningReplays(10)).toContain(applicationId);

    const first = await scheduler.scheduleBatch(applicationId, options(3));
    expect(first).toMatchObject({ locked: true, skipped: 0, completed: 0 });
    expect(first.scheduled).toHaveLength(3);
    // The burst is spent: one more at most (a third of a second may pass on a slow machine).
    const early = (await scheduler.scheduleBatch(applicationId, options(3))).scheduled.length;
    expect(early).toBeLessThanOrEqual(1);

    await db.pool.query(`UPDATE replay_rate SET tat = now() - interval '10 seconds' WHERE application_id = $1`, [applicationId]);
    const second = await scheduler.scheduleBatch(applicationId, options(3));
    expect(second.scheduled).toHaveLength(2 - early);
    expect(second.completed).toBe(1);

    const { rows } = await db.pool.query(
      'SELECT event_id, subscription_id, dispatch_round, retry_count FROM request_attempt WHERE application_id = $1',
      [applicationId],
    );
    expect(rows.map((row) => row.event_id).sort()).toEqual([...eventIds].sort());
    expect(new Set(rows.map((row) => `${row.subscription_id} ${row.dispatch_round} ${row.retry_count}`))).toEqual(
      new Set([`${subs[0].subscriptionId} 1 0`]),
    );
    const { rows: events } = await db.pool.query('SELECT dispatch_round, dispatched_round FROM event WHERE application_id = $1', [
      applicationId,
    ]);
    expect(events.every((e) => e.dispatch_round === 1 && e.dispatched_round === 1)).toBe(true);
    expect(await replays.find(applicationId, replay.replayId)).toMatchObject({ status: 'completed', scheduled: 5, skipped: 0 });
    expect(await scheduler.applicationsWithRunningReplays(10)).not.toContain(applicationId);
  });

  it('never schedules an item twice when dispatchers schedule the same application at once', async () => {
    const { applicationId, replay } = await replayOf(40);
    const batches: ReplayBatch[] = [];
    for (let round = 0; round < 20 && (await replays.find(applicationId, replay.replayId))!.status === 'running'; round += 1) {
      await db.pool.query(`UPDATE replay_rate SET tat = now() - interval '10 seconds' WHERE application_id = $1`, [applicationId]);
      batches.push(...(await Promise.all([1, 2, 3].map(() => scheduler.scheduleBatch(applicationId, options(1000, 7))))));
    }
    expect(batches.some((batch) => !batch.locked)).toBe(true);
    const ids = batches.flatMap((batch) => batch.scheduled.map((attempt) => attempt.attemptId));
    expect(ids).toHaveLength(40);
    const { rows } = await db.pool.query('SELECT count(DISTINCT event_id)::int AS n FROM request_attempt WHERE application_id = $1', [
      applicationId,
    ]);
    expect(rows[0].n).toBe(40);
  });

  it('skips what can no longer be sent: a disabled subscription, an event with a round still to fan out', async () => {
    const { applicationId, subs, eventIds, replay } = await replayOf(3);
    await db.pool.query('UPDATE event SET dispatch_round = 1 WHERE event_id = $1', [eventIds[0]]);
    const batch = await scheduler.scheduleBatch(applicationId, options(100));
    expect(batch).toMatchObject({ skipped: 1, completed: 1 });
    expect(batch.scheduled).toHaveLength(2);

    const other = await replayTo(applicationId, subs[0].subscriptionId);
    await db.pool.query('UPDATE subscription SET is_enabled = false WHERE subscription_id = $1', [subs[0].subscriptionId]);
    await db.pool.query(`UPDATE replay_rate SET tat = now() - interval '10 seconds' WHERE application_id = $1`, [applicationId]);
    expect(await scheduler.scheduleBatch(applicationId, options(100))).toMatchObject({ scheduled: [], skipped: 3, completed: 1 });
    expect(await replays.find(applicationId, other.replayId)).toMatchObject({ status: 'completed', scheduled: 0, skipped: 3 });
    expect(replay.matched).toBe(3);
  });

  it('schedules nothing more of a cancelled replay', async () => {
    const { applicationId, replay } = await replayOf(3);
    await replays.cancel(applicationId, replay.replayId);
    expect(await scheduler.scheduleBatch(applicationId, options(100))).toMatchObject({ scheduled: [], skipped: 0 });
    expect(await scheduler.applicationsWithRunningReplays(10)).not.toContain(applicationId);
  });
});
