import type { DataSource } from 'typeorm';

export interface UndispatchedEvent {
  readonly applicationId: string;
  readonly eventId: string;
  readonly dispatchRound: number;
}

export class StaleDispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events of live applications whose current round was never fanned out although they were received more than
   * `staleAfterMs` ago and no outbox row still carries them: their dispatch message was lost. Marks them in the
   * same statement, so that several dispatchers never re-publish the same one twice within that time.
   */
  async claimUndispatched(staleAfterMs: number, limit: number): Promise<UndispatchedEvent[]> {
    const [rows]: [{ event_id: string; application_id: string; dispatch_round: number }[], number] = await this.dataSource.query(
      `WITH stale AS (
         SELECT e.event_id, e.application_id FROM event e
           JOIN application a ON a.application_id = e.application_id AND a.deleted_at IS NULL
          WHERE e.dispatched_round IS DISTINCT FROM e.dispatch_round
            AND e.received_at < now() - $1 * interval '1 millisecond'
            AND (e.dispatch_reconciled_at IS NULL OR e.dispatch_reconciled_at < now() - $1 * interval '1 millisecond')
            AND NOT EXISTS (SELECT 1 FROM event_outbox o WHERE o.event_id = e.event_id AND o.application_id = e.application_id)
          ORDER BY e.received_at
          LIMIT $2
          FOR UPDATE OF e SKIP LOCKED
       )
       UPDATE event e SET dispatch_reconciled_at = now()
         FROM stale WHERE e.event_id = stale.event_id AND e.application_id = stale.application_id
       RETURNING e.event_id, e.application_id, e.dispatch_round`,
      [staleAfterMs, limit],
    );
    return rows.map((row) => ({ applicationId: row.application_id, eventId: row.event_id, dispatchRound: row.dispatch_round }));
  }
}
