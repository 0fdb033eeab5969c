import type { DataSource } from 'typeorm';
import { purgeEventsInBatches, type PurgedEvents } from './batch-delete';

/** Caps retention + grace so that the cut-off stays a valid date ("unlimited" is 2147483647 days). */
const MAX_KEPT_DAYS = 100_000;

export interface RetentionRule {
  readonly now: Date;
  /** Days of retention of an application without its own `days_of_events_retention_limit`. */
  readonly defaultRetentionDays: number;
  readonly gracePeriodDays: number;
}

export interface ExpiredEventsReport {
  /** Past retention + grace and settled: what a deleting pass removes. */
  readonly expired: number;
  /** Past retention + grace but still owed a delivery (pending attempt, or not yet fanned out): kept. */
  readonly held: number;
}

// $1 now, $2 default retention days, $3 grace days.
const PAST_RETENTION = `
  FROM application a
  JOIN event e ON e.application_id = a.application_id
   AND e.received_at < $1::timestamptz
       - make_interval(days => LEAST(COALESCE(a.days_of_events_retention_limit, $2)::bigint + $3, ${MAX_KEPT_DAYS})::int)`;

/** Deleting such an event would drop a delivery still owed: at least once comes first. */
const SETTLED = `
  e.dispatched_round IS NOT DISTINCT FROM e.dispatch_round
  AND NOT EXISTS (SELECT 1 FROM event_outbox o WHERE o.event_id = e.event_id AND o.application_id = e.application_id)
  AND NOT EXISTS (SELECT 1 FROM request_attempt r WHERE r.event_id = e.event_id AND r.application_id = e.application_id
                     AND r.succeeded_at IS NULL AND r.failed_at IS NULL)`;

/** Events past their application's retention (docs/hook0-compatibility.md "Retention"). */
export class OldEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(rule: RetentionRule): Promise<ExpiredEventsReport> {
    const [row]: ExpiredEventsReport[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${SETTLED})::int AS expired, count(*) FILTER (WHERE NOT (${SETTLED}))::int AS held ${PAST_RETENTION}`,
      parameters(rule),
    );
    return row;
  }

  async purge(rule: RetentionRule, batchSize: number): Promise<PurgedEvents> {
    return purgeEventsInBatches(
      this.dataSource,
      `SELECT e.event_id, e.application_id ${PAST_RETENTION} WHERE ${SETTLED} LIMIT $4`,
      parameters(rule),
      batchSize,
    );
  }
}

function parameters(rule: RetentionRule): unknown[] {
  return [rule.now, rule.defaultRetentionDays, rule.gracePeriodDays];
}
