import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createDispatchFixture, DISPATCH_FIXTURE_EVENT_TYPE, insertClaimedAttempt, useTestDataSource, type SubscriptionOptions } from '@hook0/testing';
import { DispatchRepository } from './dispatch.repository';

const TYPE = DISPATCH_FIXTURE_EVENT_TYPE;
const WORKER = 'worker-a';

describe('DispatchRepository', () => {
  const db = useTestDataSource({ applicationName: 'statements-test', poolSize: 2 });
  let pool: Pool;
  let dispatch: DispatchRepository;

  beforeAll(() => {
    pool = db.pool;
    dispatch = new DispatchRepository(db.dataSource);
  });

  const fixture = (subscriptions?: Partial<SubscriptionOptions>[]) => createDispatchFixture(pool, subscriptions);
  const pendingClaimed = (eventId: string, subscriptionId: string) => insertClaimedAttempt(pool, eventId, subscriptionId, WORKER);

  it('loads the event with its enabled, live candidates listing its type', async () => {
    const { subs, event } = await fixture([{}, { isEnabled: false }, { eventTypes: ['other.thing.done'] }, { labels: { env: 'prod' } }]);
    const input = await dispatch.load(event.eventId);
    expect(input?.event).toMatchObject({ eventId: event.eventId, eventTypeName: TYPE, labels: { env: 'test' }, dispatchRound: 0, applicationDeleted: false });
    expect(input?.candidates.map((c) => c.subscriptionId).sort()).toEqual([subs[0].subscriptionId, subs[3].subscriptionId].sort());
    expect(input?.candidates[0]).toMatchObject({ isEnabled: true, deletedAt: null, eventTypes: [TYPE] });
    expect(await dispatch.load(randomUUID())).toBeNull();
  });
  it('loads an event without candidates', async () => {
    const { event } = await fixture([]);
    expect(await dispatch.load(event.eventId)).toMatchObject({ candidates: [], event: { eventId: event.eventId } });
  });
  it('creates first attempts once and lists every pending one of the round, earlier ones included', async () => {
    const { subs, event } = await fixture([{}, {}]);
    const earlier = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    const attempts = subs.map((s) => ({ attemptId: randomUUID(), subscriptionId: s.subscriptionId }));
    const first = await dispatch.createFirstAttempts(event, 0, attempts);
    expect(first.created).toBe(1);
    expect(first.pending.sort()).toEqual([earlier, attempts[1].attemptId].sort());
    const again = await dispatch.createFirstAttempts(event, 0, attempts.map((a) => ({ ...a, attemptId: randomUUID() })));
    expect(again).toEqual({ created: 0, pending: expect.arrayContaining([earlier, attempts[1].attemptId]) });
    expect(await dispatch.createFirstAttempts(event, 0, [])).toMatchObject({ created: 0, pending: expect.arrayContaining([earlier]) });
  });

  it('serves loads and first attempts asked for together, each with its own event, including the same round twice', async () => {
    const one = await fixture([{}]);
    const two = await fixture([{}, {}]);
    const [a, b, unknown] = await Promise.all([dispatch.load(one.event.eventId), dispatch.load(two.event.eventId), dispatch.load(randomUUID())]);
    expect([a?.candidates.length, b?.candidates.length, unknown]).toEqual([1, 2, null]);
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
    expect(repeat).toEqual({ created: 0, pending: first.pending });
    expect(none).toEqual({ created: 0, pending: [] });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM request_attempt WHERE event_id = ANY($1)`, [[one.event.eventId, two.event.eventId]]);
    expect(rows[0].n).toBe(3);
  });
});

