import type { Pool, QueryResult, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A hot statement, run on typeorm's pg pool as a named prepared statement: PostgreSQL parses and plans
 * it once per connection rather than on every call, and typeorm's per-query runner is skipped.
 * Errors are pg's own (same `code` and `constraint` as inside typeorm's QueryFailedError).
 */
export class PreparedStatement<Row extends QueryResultRow> {
  constructor(
    private readonly name: string,
    private readonly text: string,
  ) {}

  run(dataSource: DataSource, values: readonly unknown[]): Promise<QueryResult<Row>> {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    return pool.query<Row>({ name: this.name, text: this.text, values: values as unknown[] });
  }

  async rows(dataSource: DataSource, values: readonly unknown[]): Promise<Row[]> {
    return (await this.run(dataSource, values)).rows;
  }
}
