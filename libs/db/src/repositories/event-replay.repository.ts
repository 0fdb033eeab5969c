import type { DataSource } from 'typeorm';
import { UTC_DAY } from './quota-usage.repository';

/** dispatch_round is a smallint: the last round an event can reach. */
export const MAX_DISPATCH_ROUND = 32_767;

export type ReplayResult = { replayed: true; dispatchRound: number } | { replayed: false; reason: 'not-found' | 'round-limit' };

/** Replays: a new dispatch round of an event, published through the outbox like an ingest. */
export class EventReplayRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Bumps the event's dispatch_round, writes the outbox row for that round and counts the replay in today's
   * replayed_events_per_day, all in one statement (so one transaction). The dispatcher then fans the new round out
   * to the subscriptions matching at that time, with first attempts (retry 0) that cannot collide with earlier
   * rounds' attempts.
   */
  async replay(applicationId: string, eventId: string): Promise<ReplayResult> {
    const rows: { dispatch_round: number }[] = await this.dataSource.query(
      `WITH bumped AS (
         UPDATE event SET dispatch_round = dispatch_round + 1
          WHERE event_id = $1 AND application_id = $2 AND dispatch_round < ${MAX_DISPATCH_ROUND}
         RETURNING event_id, application_id, dispatch_round
       ), queued AS (
         INSERT INTO event_outbox (event_id, application_id, dispatch_round) SELECT event_id, application_id, dispatch_round FROM bumped
       ), counted AS (
         INSERT INTO replayed_events_per_day AS r (application_id, day, amount)
         SELECT application_id, ${UTC_DAY}, 1 FROM bumped
         ON CONFLICT (application_id, day) DO UPDATE SET amount = r.amount + 1
       )
       SELECT dispatch_round FROM bumped`,
      [eventId, applicationId],
    );
    if (rows[0]) return { replayed: true, dispatchRound: rows[0].dispatch_round };
    const [exists]: unknown[] = await this.dataSource.query(`SELECT 1 FROM event WHERE event_id = $1 AND application_id = $2`, [
      eventId,
      applicationId,
    ]);
    return { replayed: false, reason: exists ? 'round-limit' : 'not-found' };
  }
}
