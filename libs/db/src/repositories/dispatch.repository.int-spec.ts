import { randomUUID } from 'node:crypto';
import { type Pool } from 'pg';
import {
  createDispatchFixture,
  createEvent,
  DISPATCH_FIXTURE_EVENT_TYPE,
  insertClaimedAttempt,
  useTestDataSource,
  type SubscriptionOptions,
} from '@hook0/testing';
import { DispatchRepository } from './dispatch.repository';

const TYPE = DISPATCH_FIXTURE_EVENT_TYPE;
const WORKER = 'worker-a';

describe('DispatchRepository', () => {
  const db = useTestDataSource({ applicationName: 'statements-test', poolSize: 2 });
  let pool: Pool;
  let dispatch: DispatchRepository;

  beforeAll(() => {
    pool = db.pool;
    dispatch = new DispatchRepository(db.dataSource, 10);
  });

  const fixture = (subscriptions?: Partial<SubscriptionOptions>[]) => createDispatchFixture(pool, subscriptions);
  const pendingClaimed = (eventId: string, subscriptionId: string) => insertClaimedAttempt(pool, eventId, subscriptionId, WORKER);

  it('loads the event with its enabled, live candidates listing its type', async () => {
    const { subs, event } = await fixture([{}, { isEnabled: false }, { eventTypes: ['other.thing.done'] }, { labels: { env: 'prod' } }]);
    const input = await dispatch.load(event);
    expect(input?.event).toMatchObject({
      eventId: event.eventId,
      eventTypeName: TYPE,
      labels: { env: 'test' },
      dispatchRound: 0,
      applicationDeleted: false,
    });
    expect(input?.candidates.map((c) => c.subscriptionId).sort()).toEqual([subs[0].subscriptionId, subs[3].subscriptionId].sort());
    expect(input?.candidates[0]).toMatchObject({ isEnabled: true, deletedAt: null, eventTypes: [TYPE] });
    expect(await dispatch.load({ applicationId: event.applicationId, eventId: randomUUID() })).toBeNull();
  });
  describe('a first attempt of a subscription with a backlog', () => {
    /** A subscription allowing one delivery in flight, with an attempt parked and, if `full`, one leased: each of an event of its own. */
    async function backlogged(full: boolean) {
      const { subs, event, applicationId } = await fixture([{ maxInFlight: 1 }]);
      const { subscriptionId } = subs[0];
      const otherEvent = async () => (await createEvent(pool, applicationId, { eventTypeName: TYPE })).eventId;
      if (full) await pendingClaimed(await otherEvent(), subscriptionId);
      const parked = await pendingClaimed(await otherEvent(), subscriptionId);
      await pool.query(
        `UPDATE request_attempt SET parked_at = now(), lease_expires_at = NULL, worker_name = NULL, picked_at = NULL WHERE request_attempt_id = $1`,
        [parked],
      );
      return { event, subscriptionId };
    }
    const parkedAt = async (attemptId: string) =>
      (await pool.query('SELECT parked_at FROM request_attempt WHERE request_attempt_id = $1', [attemptId])).rows[0].parked_at;

    it('is parked behind it while all its places are taken, and a repeated fan-out finds it parked', async () => {
      const { event, subscriptionId } = await backlogged(true);
      const attemptId = randomUUID();
      expect(await dispatch.createFirstAttempts(event, 0, [{ attemptId, subscriptionId }])).toEqual({ created: 1, pending: [], parked: 1 });
      expect(await parkedAt(attemptId)).toBeInstanceOf(Date);
      expect(await dispatch.createFirstAttempts(event, 0, [])).toEqual({ created: 0, pending: [], parked: 1 });
    });
    it('is left to its claim when the subscription has room, though nothing pulls the backlog', async () => {
      const { event, subscriptionId } = await backlogged(false);
      const attemptId = randomUUID();
      expect(await dispatch.createFirstAttempts(event, 0, [{ attemptId, subscriptionId }])).toEqual({
        created: 1,
        pending: [attemptId],
        parked: 0,
      });
      expect(await parkedAt(attemptId)).toBeNull();
    });
  });
  it('loads an event without candidates', async () => {
    const { event } = await fixture([]);
    expect(await dispatch.load(event)).toMatchObject({ candidates: [], event: { eventId: event.eventId } });
  });
  it('creates first attempts once and lists every pending one of the round, earlier ones included', async () => {
    const { subs, event } = await fixture([{}, {}]);
    const earlier = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    const attempts = subs.map((s) => ({ attemptId: randomUUID(), subscriptionId: s.subscriptionId }));
    const first = await dispatch.createFirstAttempts(event, 0, attempts);
    expect(first.created).toBe(1);
    expect(first.pending.sort()).toEqual([earlier, attempts[1].attemptId].sort());
    const again = await dispatch.createFirstAttempts(
      event,
      0,
      attempts.map((a) => ({ ...a, attemptId: randomUUID() })),
    );
    expect(again).toEqual({ created: 0, pending: expect.arrayContaining([earlier, attempts[1].attemptId]), parked: 0 });
    expect(await dispatch.createFirstAttempts(event, 0, [])).toMatchObject({ created: 0, pending: expect.arrayContaining([earlier]) });
  });

  it('keeps two applications sharing an event_id apart: each load, first attempt and pending list is its own', async () => {
    const one = await fixture([{}]);
    const two = await fixture([{}, {}]);
    await pool.query('UPDATE event SET event_id = $1 WHERE event_id = $2', [one.event.eventId, two.event.eventId]);
    const shared = { ...two.event, eventId: one.event.eventId };
    const [a, b] = await Promise.all([dispatch.load(one.event), dispatch.load(shared)]);
    expect(a?.event.applicationId).toBe(one.applicationId);
    expect(a?.candidates.map((c) => c.subscriptionId)).toEqual([one.subs[0].subscriptionId]);
    expect(b?.event.applicationId).toBe(two.applicationId);
    expect(b?.candidates.map((c) => c.subscriptionId).sort()).toEqual(two.subs.map((s) => s.subscriptionId).sort());

    const earlier = await pendingClaimed(one.event.eventId, one.subs[0].subscriptionId);
    const attempts = two.subs.map((s) => ({ attemptId: randomUUID(), subscriptionId: s.subscriptionId }));
    const [mine, theirs] = await Promise.all([
      dispatch.createFirstAttempts(one.event, 0, []),
      dispatch.createFirstAttempts(shared, 0, attempts),
    ]);
    expect(mine).toEqual({ created: 0, pending: [earlier], parked: 0 });
    expect(theirs.created).toBe(2);
    expect(theirs.pending.sort()).toEqual(attempts.map((attempt) => attempt.attemptId).sort());
    const { rows } = await pool.query('SELECT application_id, dispatched_round FROM event WHERE event_id = $1', [shared.eventId]);
    expect(rows.map((row) => row.dispatched_round)).toEqual([0, 0]);
  });

  it('finds the applications an event_id names at a round, for messages without one', async () => {
    const one = await fixture([]);
    const two = await fixture([]);
    await pool.query('UPDATE event SET event_id = $1, dispatch_round = 2 WHERE event_id = $2', [one.event.eventId, two.event.eventId]);
    expect(await dispatch.applicationsOf(one.event.eventId, 0)).toEqual([one.applicationId, two.applicationId].sort());
    expect(await dispatch.applicationsOf(one.event.eventId, 2)).toEqual([two.applicationId]);
    expect(await dispatch.applicationsOf(randomUUID(), 0)).toEqual([]);
  });

  it('serves loads and first attempts asked for together, each with its own event, including the same round twice', async () => {
    const one = await fixture([{}]);
    const two = await fixture([{}, {}]);
    const [a, b, unknown] = await Promise.all([
      dispatch.load(one.event),
      dispatch.load(two.event),
      dispatch.load({ applicationId: one.applicationId, eventId: randomUUID() }),
    ]);
    expect([a?.candidates.length, b?.candidates.length, unknown]).toEqual([1, 2, null]);
    const twice = await Promise.all([dispatch.load(two.event), dispatch.load(two.event)]);
    expect(twice.map((input) => input?.candidates.length)).toEqual([2, 2]);
    const attemptsOf = (f: typeof one) => f.subs.map((s) => ({ attemptId: randomUUID(), subscriptionId: s.subscriptionId }));
    const [first, second, repeat, none] = await Promise.all([
      dispatch.createFirstAttempts(one.event, 0, attemptsOf(one)),
      dispatch.createFirstAttempts(two.event, 0, attemptsOf(two)),
      dispatch.createFirstAttempts(one.event, 0, attemptsOf(one)),
      dispatch.createFirstAttempts(two.event, 1, []),
    ]);
    expect(first.created).toBe(1);
    expect(second).toMatchObject({ created: 2, pending: expect.any(Array) });
    expect(second.pending).toHaveLength(2);
    expect(repeat).toEqual({ created: 0, pending: first.pending, parked: 0 });
    expect(none).toEqual({ created: 0, pending: [], parked: 0 });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM request_attempt WHERE event_id = ANY($1)`, [
      [one.event.eventId, two.event.eventId],
    ]);
    expect(rows[0].n).toBe(3);
  });
});
