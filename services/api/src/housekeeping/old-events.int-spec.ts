import { randomUUID } from 'node:crypto';
import { EventsPerDayRepository } from '@hook0/db';
import { createApplication } from '@hook0/testing';
import { arrangeEvent, remainingEvents, rowCounts } from '../../test/housekeeping-fixtures';
import { useHousekeepingWorld } from '../../test/housekeeping-world';

const DELETE = { OLD_EVENTS_CLEANUP_REPORT_AND_DELETE: 'true' };

describe('old events housekeeping (retention 7 d by default + grace 30 d)', () => {
  const world = useHousekeepingWorld();

  it('by default reports the expired events and deletes nothing', async () => {
    const { applicationId } = await createApplication(world.pool);
    await arrangeEvent(world.pool, applicationId, { daysOld: 40, attempts: ['succeeded'] });
    await arrangeEvent(world.pool, applicationId, { daysOld: 38 });
    await arrangeEvent(world.pool, applicationId, { daysOld: 36 });
    const before = await rowCounts(world.pool, [applicationId]);

    const result = await world.housekeeper().runPass('old_events');

    expect(result).toEqual({ ran: true, outcome: { reported: 2, deleted: 0, details: { mode: 'report', held: 0 } } });
    expect(await rowCounts(world.pool, [applicationId])).toEqual(before);
  });

  it('with OLD_EVENTS_CLEANUP_REPORT_AND_DELETE deletes exactly the settled expired events, their attempts and responses', async () => {
    const { applicationId } = await createApplication(world.pool);
    const expired = [
      await arrangeEvent(world.pool, applicationId, { daysOld: 40, attempts: ['failed', 'succeeded'] }),
      await arrangeEvent(world.pool, applicationId, { daysOld: 38, attempts: ['failed', 'failed'] }),
      await arrangeEvent(world.pool, applicationId, { daysOld: 400 }),
    ];
    const kept = [
      await arrangeEvent(world.pool, applicationId, { daysOld: 36, attempts: ['succeeded'] }),
      await arrangeEvent(world.pool, applicationId, { daysOld: 40, attempts: ['failed', 'pending'] }),
      await arrangeEvent(world.pool, applicationId, { daysOld: 40, dispatched: false }),
      await arrangeEvent(world.pool, applicationId, { daysOld: 40, outboxRow: true }),
    ];

    const result = await world.housekeeper(DELETE).runPass('old_events');

    expect(result).toEqual({
      ran: true,
      outcome: { reported: 3, deleted: 3, details: { mode: 'report_and_delete', held: 3, attemptsDeleted: 4, responsesDeleted: 4 } },
    });
    expect(await remainingEvents(world.pool, [...expired, ...kept])).toEqual([...kept].sort());
    // What is left: the young event's attempt and response, the held one's failed attempt with its response and its pending attempt.
    expect(await rowCounts(world.pool, [applicationId])).toMatchObject({ event: 4, request_attempt: 3, response: 2, event_outbox: 1 });
  });

  it('deletes an expired event alone when another application has its id, and is not held by what that one is owed', async () => {
    const expiring = await createApplication(world.pool);
    const other = await createApplication(world.pool);
    const eventId = randomUUID();
    await arrangeEvent(world.pool, other.applicationId, { eventId, daysOld: 1, attempts: ['failed', 'pending'], outboxRow: true });
    await arrangeEvent(world.pool, expiring.applicationId, { eventId, daysOld: 40, attempts: ['succeeded'] });
    const otherBefore = await rowCounts(world.pool, [other.applicationId]);

    const result = await world.housekeeper(DELETE).runPass('old_events');

    expect(result).toEqual({
      ran: true,
      outcome: { reported: 1, deleted: 1, details: { mode: 'report_and_delete', held: 0, attemptsDeleted: 1, responsesDeleted: 1 } },
    });
    expect(await rowCounts(world.pool, [expiring.applicationId])).toMatchObject({ event: 0, request_attempt: 0, response: 0 });
    expect(await rowCounts(world.pool, [other.applicationId])).toEqual(otherBefore);
  });

  it("follows the application's own days_of_events_retention_limit over the default", async () => {
    const short = await createApplication(world.pool);
    const long = await createApplication(world.pool);
    await world.pool.query('UPDATE application SET days_of_events_retention_limit = 1 WHERE application_id = $1', [short.applicationId]);
    await world.pool.query('UPDATE application SET days_of_events_retention_limit = 100 WHERE application_id = $1', [long.applicationId]);
    const shortOld = await arrangeEvent(world.pool, short.applicationId, { daysOld: 32 });
    const shortYoung = await arrangeEvent(world.pool, short.applicationId, { daysOld: 30 });
    const longOld = await arrangeEvent(world.pool, long.applicationId, { daysOld: 131 });
    const longYoung = await arrangeEvent(world.pool, long.applicationId, { daysOld: 129 });

    await world.housekeeper(DELETE).runPass('old_events');

    expect(await remainingEvents(world.pool, [shortOld, shortYoung, longOld, longYoung])).toEqual([shortYoung, longYoung].sort());
  });

  it('applies QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT and the grace period even with quotas off, as Hook0 does', async () => {
    const { applicationId } = await createApplication(world.pool);
    const old = await arrangeEvent(world.pool, applicationId, { daysOld: 6 });
    const young = await arrangeEvent(world.pool, applicationId, { daysOld: 4 });

    await world
      .housekeeper({
        ...DELETE,
        ENABLE_QUOTA_ENFORCEMENT: 'false',
        QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT: '3',
        OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY: '2',
      })
      .runPass('old_events');

    expect(await remainingEvents(world.pool, [old, young])).toEqual([young]);
  });

  it('keeps the deleted events counted in events_per_day, for the application and its organization', async () => {
    const { applicationId, organizationId } = await createApplication(world.pool);
    // Three on one day and batches of two: the day's count is kept across batches.
    for (const daysOld of [40, 40, 40, 38]) await arrangeEvent(world.pool, applicationId, { daysOld, attempts: ['succeeded'] });
    await arrangeEvent(world.pool, applicationId, { daysOld: 40, dispatched: false });
    await arrangeEvent(world.pool, applicationId, { daysOld: 2 });
    const counts = new EventsPerDayRepository(world.dataSource);
    const range = { from: '2029-12-01', to: '2030-01-31' };
    const expected = [
      { applicationId, applicationName: 'Test application', date: '2029-12-06', amount: 4 },
      { applicationId, applicationName: 'Test application', date: '2029-12-08', amount: 1 },
      { applicationId, applicationName: 'Test application', date: '2030-01-13', amount: 1 },
    ];
    expect(await counts.forApplication(applicationId, range)).toEqual(expected);

    const result = await world.housekeeper(DELETE).runPass('old_events');

    expect(result).toMatchObject({ ran: true, outcome: { deleted: 4, details: { held: 1 } } });
    expect(await rowCounts(world.pool, [applicationId])).toMatchObject({ event: 2 });
    expect(await counts.forApplication(applicationId, range)).toEqual(expected);
    expect(await counts.forOrganization(organizationId, range)).toEqual(expected);
  });
});
