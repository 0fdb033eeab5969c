import type { DataSource } from 'typeorm';

export interface PurgedEvents {
  readonly events: number;
  readonly attempts: number;
  readonly responses: number;
}

/**
 * Deletes, batch after batch, the events `doomedSql` selects (a query returning `event_id` and `application_id`, its
 * last parameter the batch size) with their request attempts and those attempts' responses, each batch one short statement. The
 * deleted events stay counted in purged_events_per_day, which events_per_day adds to the live counts.
 * Responses hang from attempts with ON DELETE SET NULL, so the cascade from the event alone would orphan them.
 */
export async function purgeEventsInBatches(
  dataSource: DataSource,
  doomedSql: string,
  parameters: unknown[],
  batchSize: number,
): Promise<PurgedEvents> {
  const total = { events: 0, attempts: 0, responses: 0 };
  for (;;) {
    const [batch]: PurgedEvents[] = await dataSource.query(
      `WITH doomed AS (${doomedSql} FOR UPDATE OF e SKIP LOCKED),
            attempts AS (DELETE FROM request_attempt r USING doomed d
                          WHERE r.event_id = d.event_id AND r.application_id = d.application_id RETURNING r.response_id),
            responses AS (DELETE FROM response p USING attempts a WHERE p.response_id = a.response_id RETURNING 1),
            events AS (DELETE FROM event e USING doomed d
                        WHERE e.event_id = d.event_id AND e.application_id = d.application_id RETURNING e.application_id, e.received_at),
            counted AS (
              INSERT INTO purged_events_per_day AS p (application_id, day, amount)
              SELECT application_id, (received_at AT TIME ZONE 'UTC')::date, count(*) FROM events GROUP BY 1, 2
              ON CONFLICT (application_id, day) DO UPDATE SET amount = p.amount + EXCLUDED.amount)
       SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM attempts)::int AS attempts,
              (SELECT count(*) FROM responses)::int AS responses`,
      [...parameters, batchSize],
    );
    total.events += batch.events;
    total.attempts += batch.attempts;
    total.responses += batch.responses;
    if (batch.events < batchSize) return total;
  }
}

/** Runs `deleteSql` (a DELETE of at most its last parameter's rows) until a batch deletes fewer; returns the total. */
export async function deleteInBatches(
  dataSource: DataSource,
  deleteSql: string,
  parameters: unknown[],
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown[], number] = await dataSource.query(deleteSql, [...parameters, batchSize]);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
