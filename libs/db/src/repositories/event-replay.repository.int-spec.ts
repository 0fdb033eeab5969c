import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApplication, createEvent, createTestDatabase, type TestDatabase } from '@hook0/testing';
import { createDataSource } from '../data-source';
import { EventReplayRepository, MAX_DISPATCH_ROUND } from './event-replay.repository';

/** No relay runs here, so the outbox rows a replay writes stay where the test can see them. */
describe('EventReplayRepository', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let replays: EventReplayRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 2, applicationName: 'replay-test' }).initialize();
    replays = new EventReplayRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const outboxOf = (eventId: string): Promise<{ dispatch_round: number }[]> =>
    dataSource.query('SELECT dispatch_round FROM event_outbox WHERE event_id = $1 ORDER BY outbox_id', [eventId]);
  const roundOf = async (eventId: string): Promise<number> =>
    (await dataSource.query('SELECT dispatch_round FROM event WHERE event_id = $1', [eventId]))[0].dispatch_round;

  it('bumps dispatch_round and queues exactly that round in the outbox, once per replay', async () => {
    const { applicationId } = await createApplication(dataSource);
    const { eventId } = await createEvent(dataSource, applicationId, { eventTypeName: 'a.b.c' });
    expect(await replays.replay(applicationId, eventId)).toEqual({ replayed: true, dispatchRound: 1 });
    expect(await replays.replay(applicationId, eventId)).toEqual({ replayed: true, dispatchRound: 2 });
    expect(await outboxOf(eventId)).toEqual([{ dispatch_round: 1 }, { dispatch_round: 2 }]);
    expect(await roundOf(eventId)).toBe(2);
  });

  it('finds nothing for an unknown event, or for an event of another application, and writes nothing', async () => {
    const { applicationId } = await createApplication(dataSource);
    const other = await createApplication(dataSource);
    const { eventId } = await createEvent(dataSource, other.applicationId, { eventTypeName: 'a.b.c' });
    expect(await replays.replay(applicationId, randomUUID())).toEqual({ replayed: false, reason: 'not-found' });
    expect(await replays.replay(applicationId, eventId)).toEqual({ replayed: false, reason: 'not-found' });
    expect(await outboxOf(eventId)).toEqual([]);
    expect(await roundOf(eventId)).toBe(0);
  });

  it("bumps only its own application's event when another application shares the id, and counts each replay for today", async () => {
    const mine = await createApplication(dataSource);
    const theirs = await createApplication(dataSource);
    const eventId = randomUUID();
    await createEvent(dataSource, theirs.applicationId, { eventTypeName: 'a.b.c', eventId });
    await createEvent(dataSource, mine.applicationId, { eventTypeName: 'a.b.c', eventId });
    expect(await replays.replay(mine.applicationId, eventId)).toEqual({ replayed: true, dispatchRound: 1 });
    expect(await replays.replay(mine.applicationId, eventId)).toEqual({ replayed: true, dispatchRound: 2 });

    const rounds: { application_id: string; dispatch_round: number }[] = await dataSource.query(
      'SELECT application_id, dispatch_round FROM event WHERE event_id = $1',
      [eventId],
    );
    expect(Object.fromEntries(rounds.map((row) => [row.application_id, row.dispatch_round]))).toEqual({
      [mine.applicationId]: 2,
      [theirs.applicationId]: 0,
    });
    expect(
      await dataSource.query('SELECT application_id, dispatch_round FROM event_outbox WHERE event_id = $1 ORDER BY outbox_id', [eventId]),
    ).toEqual([
      { application_id: mine.applicationId, dispatch_round: 1 },
      { application_id: mine.applicationId, dispatch_round: 2 },
    ]);
    expect(
      await dataSource.query(
        `SELECT application_id, amount::int, day = (now() AT TIME ZONE 'UTC')::date AS today FROM replayed_events_per_day WHERE application_id = ANY($1)`,
        [[mine.applicationId, theirs.applicationId]],
      ),
    ).toEqual([{ application_id: mine.applicationId, amount: 2, today: true }]);
  });

  it('stops at the last round a smallint holds', async () => {
    const { applicationId } = await createApplication(dataSource);
    const { eventId } = await createEvent(dataSource, applicationId, { eventTypeName: 'a.b.c', dispatchRound: MAX_DISPATCH_ROUND - 1 });
    expect(await replays.replay(applicationId, eventId)).toEqual({ replayed: true, dispatchRound: MAX_DISPATCH_ROUND });
    expect(await replays.replay(applicationId, eventId)).toEqual({ replayed: false, reason: 'round-limit' });
    expect(await outboxOf(eventId)).toEqual([{ dispatch_round: MAX_DISPATCH_ROUND }]);
  });

  it('gives concurrent replays of one event distinct rounds', async () => {
    const { applicationId } = await createApplication(dataSource);
    const { eventId } = await createEvent(dataSource, applicationId, { eventTypeName: 'a.b.c' });
    const results = await Promise.all([1, 2].map(() => replays.replay(applicationId, eventId)));
    expect(results.map((result) => (result.replayed ? result.dispatchRound : null)).sort()).toEqual([1, 2]);
    expect((await outboxOf(eventId)).map((row) => row.dispatch_round).sort()).toEqual([1, 2]);
  });
});
