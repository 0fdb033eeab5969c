import { randomUUID } from 'node:crypto';
import { createApplication } from '@hook0/testing';
import { arrangeEvent, rowCounts } from '../../test/housekeeping-fixtures';
import { NOW, useHousekeepingWorld } from '../../test/housekeeping-world';

const ENABLED = { ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP: 'true' };
const daysBeforeNow = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('soft-deleted applications housekeeping (grace 30 d)', () => {
  const world = useHousekeepingWorld();

  /** An application with three events (one still pending), attempts, responses, a subscription and a secret. */
  async function populatedApplication(deletedDaysAgo: number | null): Promise<string> {
    const { applicationId } = await createApplication(world.pool, {
      deletedAt: deletedDaysAgo === null ? null : daysBeforeNow(deletedDaysAgo),
    });
    await arrangeEvent(world.pool, applicationId, { daysOld: 50, attempts: ['failed', 'succeeded'] });
    await arrangeEvent(world.pool, applicationId, { daysOld: 40, attempts: ['pending'] });
    await arrangeEvent(world.pool, applicationId, { daysOld: 35, outboxRow: true });
    await world.pool.query('INSERT INTO application_secret (token, application_id) VALUES ($1, $2)', [randomUUID(), applicationId]);
    return applicationId;
  }

  it('purges applications deleted longer ago than the grace period with everything under them, and nothing else', async () => {
    const purged = await populatedApplication(31);
    const recent = await populatedApplication(29);
    const live = await populatedApplication(null);
    const recentBefore = await rowCounts(world.pool, [recent]);
    const liveBefore = await rowCounts(world.pool, [live]);

    const result = await world.housekeeper(ENABLED).runPass('soft_deleted_applications');

    expect(result).toEqual({
      ran: true,
      outcome: { reported: 1, deleted: 1, details: { eventsDeleted: 3, attemptsDeleted: 3, responsesDeleted: 2 } },
    });
    expect(await rowCounts(world.pool, [purged])).toEqual({
      application: 0,
      event: 0,
      request_attempt: 0,
      response: 0,
      subscription: 0,
      event_type: 0,
      event_outbox: 0,
    });
    const { rows } = await world.pool.query('SELECT 1 FROM application_secret WHERE application_id = $1', [purged]);
    expect(rows).toHaveLength(0);
    expect(await rowCounts(world.pool, [recent])).toEqual(recentBefore);
    expect(await rowCounts(world.pool, [live])).toEqual(liveBefore);
  });

  it("removes nothing of a live application's events that share the purged one's event ids", async () => {
    const purged = await createApplication(world.pool, { deletedAt: daysBeforeNow(31) });
    const live = await createApplication(world.pool);
    for (const daysOld of [40, 10]) {
      const eventId = randomUUID();
      await arrangeEvent(world.pool, live.applicationId, { eventId, daysOld, attempts: ['succeeded', 'pending'], outboxRow: true });
      await arrangeEvent(world.pool, purged.applicationId, { eventId, daysOld, attempts: ['failed'] });
    }
    const liveBefore = await rowCounts(world.pool, [live.applicationId]);

    await world.housekeeper(ENABLED).runPass('soft_deleted_applications');

    expect(await rowCounts(world.pool, [purged.applicationId])).toMatchObject({
      application: 0,
      event: 0,
      request_attempt: 0,
      response: 0,
    });
    expect(await rowCounts(world.pool, [live.applicationId])).toEqual(liveBefore);
  });

  it('follows SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD', async () => {
    const purged = await populatedApplication(3);
    const kept = await populatedApplication(1);

    await world.housekeeper({ ...ENABLED, SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD: '2d' }).runPass('soft_deleted_applications');

    expect((await rowCounts(world.pool, [purged])).application).toBe(0);
    expect((await rowCounts(world.pool, [kept])).application).toBe(1);
  });

  it('is off unless ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP is set, as in Hook0', async () => {
    const kept = await populatedApplication(300);

    await expect(world.housekeeper().runPass('soft_deleted_applications')).rejects.toThrow('not enabled');
    expect((await rowCounts(world.pool, [kept])).event).toBe(3);
  });
});
