import type { DataSource } from 'typeorm';
import { deleteInBatches, purgeEventsInBatches, type PurgedEvents } from './batch-delete';

export interface PurgedApplication extends PurgedEvents {
  readonly deleted: boolean;
}

/** Applications soft-deleted long enough ago to be removed with everything under them. */
export class SoftDeletedApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countDeletedBefore(cutoff: Date): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query('SELECT count(*)::int AS n FROM application WHERE deleted_at < $1', [
      cutoff,
    ]);
    return row.n;
  }

  async findDeletedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows: { application_id: string }[] = await this.dataSource.query(
      'SELECT application_id FROM application WHERE deleted_at < $1 ORDER BY deleted_at LIMIT $2',
      [cutoff, limit],
    );
    return rows.map((row) => row.application_id);
  }

  /**
   * Its events (with attempts and responses) and its other responses go in batches; the application row last,
   * cascading to what stays small (subscriptions, event types, secrets).
   */
  async purge(applicationId: string, cutoff: Date, batchSize: number): Promise<PurgedApplication> {
    const purged = await purgeEventsInBatches(
      this.dataSource,
      'SELECT e.event_id, e.application_id FROM event e WHERE e.application_id = $1 LIMIT $2',
      [applicationId],
      batchSize,
    );
    const responses = await deleteInBatches(
      this.dataSource,
      'DELETE FROM response WHERE response_id IN (SELECT response_id FROM response WHERE application_id = $1 LIMIT $2)',
      [applicationId],
      batchSize,
    );
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM application WHERE application_id = $1 AND deleted_at < $2',
      [applicationId, cutoff],
    );
    return { ...purged, responses: purged.responses + responses, deleted: deleted > 0 };
  }
}
