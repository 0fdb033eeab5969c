import { createApplication } from '@hook0/testing';
import { arrangeEvent, remainingEvents } from '../../test/housekeeping-fixtures';
import { useHousekeepingWorld } from '../../test/housekeeping-world';

const DELETE = { OLD_EVENTS_CLEANUP_REPORT_AND_DELETE: 'true' };
/** The lock the old-events pass takes: namespace "hk0h", key 1. */
const OLD_EVENTS_LOCK = [0x686b3068, 1];

describe('housekeeping across replicas', () => {
  const world = useHousekeepingWorld();

  async function expiredEvents(count: number): Promise<string[]> {
    const { applicationId } = await createApplication(world.pool);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await arrangeEvent(world.pool, applicationId, { daysOld: 40, attempts: ['succeeded'] }));
    return ids;
  }

  it('skips a pass while another replica holds the task lock, and runs once it is released', async () => {
    const events = await expiredEvents(3);
    const otherReplica = await world.pool.connect();
    try {
      await otherReplica.query('SELECT pg_advisory_lock($1, $2)', OLD_EVENTS_LOCK);
      const housekeeper = world.housekeeper(DELETE);

      expect(await housekeeper.runPass('old_events')).toEqual({ ran: false });
      expect(await remainingEvents(world.pool, events)).toHaveLength(3);

      await otherReplica.query('SELECT pg_advisory_unlock($1, $2)', OLD_EVENTS_LOCK);
      expect(await housekeeper.runPass('old_events')).toMatchObject({ ran: true, outcome: { deleted: 3 } });
      expect(await remainingEvents(world.pool, events)).toEqual([]);
    } finally {
      otherReplica.release();
    }
  });

  it('lets two housekeepers racing on one database delete each event once', async () => {
    const events = await expiredEvents(9);
    const [a, b] = [world.housekeeper(DELETE), world.housekeeper(DELETE)];

    const results = await Promise.all([a.runPass('old_events'), b.runPass('old_events')]);

    const deleted = results.map((result) => (result.ran ? result.outcome.deleted : 0));
    expect(deleted[0] + deleted[1]).toBe(9);
    expect(await remainingEvents(world.pool, events)).toEqual([]);
  });
});
