import { randomUUID } from 'node:crypto';
import { createDispatchFixture, createEvent, DISPATCH_FIXTURE_EVENT_TYPE, useTestDataSource } from '@hook0/testing';
import { ReplayRepository, type ReplayMatch } from './replay.repository';

const HOUR = 3_600_000;

/** Creating a replay by query (docs/api.md "Replays"): the admission decides inside the transaction. */
describe('ReplayRepository.create', () => {
  const db = useTestDataSource({ applicationName: 'replay-repository-test', poolSize: 3 });

  it('records at most maxItems + 1 pairs before asking, and keeps nothing when the admission refuses', async () => {
    const { applicationId } = await createDispatchFixture(db.pool, [{}]);
    for (let i = 0; i < 4; i += 1) await createEvent(db.pool, applicationId, { eventTypeName: DISPATCH_FIXTURE_EVENT_TYPE });
    const replays = new ReplayRepository(db.dataSource);
    const query = {
      applicationId,
      from: new Date(Date.now() - HOUR).toISOString(),
      to: new Date(Date.now() + HOUR).toISOString(),
      status: 'any' as const,
    };
    const seen: ReplayMatch[] = [];
    const refused = replays.create(randomUUID(), query, 2, (match) => {
      seen.push(match);
      return Promise.reject(new Error('too large'));
    });
    await expect(refused).rejects.toThrow('too large');
    expect(seen).toEqual([{ matched: 3, events: 3 }]);
    for (const table of ['replay', 'replay_item', 'replay_rate', 'replayed_events_per_day'])
      expect((await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);

    const kept = await replays.create(randomUUID(), query, 10, () => Promise.resolve());
    expect(kept).toMatchObject({ matched: 5, events: 5, status: 'running', scheduled: 0, delivered: 0 });
    expect(
      (await db.pool.query('SELECT amount::int FROM replayed_events_per_day WHERE application_id = $1', [applicationId])).rows,
    ).toEqual([{ amount: 5 }]);
  });
});
