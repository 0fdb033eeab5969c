import { Client } from 'pg';
import type { ApiHarness } from './api-harness';

/** Direct SQL on the harness database, for arranging rows the API cannot create and for checking side effects. */
export class DatabaseProbe {
  private constructor(private readonly client: Client) {}

  static async open(harness: ApiHarness): Promise<DatabaseProbe> {
    const client = new Client({ connectionString: harness.database.url });
    await client.connect();
    return new DatabaseProbe(client);
  }

  async query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  /** Row counts of the tables an API call could write, to prove a rejected call wrote nothing. */
  async counts(): Promise<Record<string, number>> {
    // Not event_outbox: the relay empties it on its own schedule.
    const tables = [
      'organization',
      'application',
      'application_secret',
      'event_type',
      'event',
      'subscription',
      'request_attempt',
      'response',
    ];
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = Number((await this.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return counts;
  }

  /** A fingerprint of every mutable column, so that updates (not only inserts) are caught too. */
  async fingerprint(): Promise<string> {
    const [row] = await this.query<{ digest: string }>(
      `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest FROM (
         SELECT row_to_json(x)::text AS t FROM application_secret x UNION ALL
         SELECT row_to_json(x)::text FROM event_type x UNION ALL
         SELECT row_to_json(x)::text FROM subscription x UNION ALL
         SELECT row_to_json(x)::text FROM request_attempt x UNION ALL
         SELECT row_to_json(x)::text FROM application x UNION ALL
         SELECT json_build_object('e', x.event_id)::text FROM event x) rows`,
    );
    return row.digest ?? '';
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
