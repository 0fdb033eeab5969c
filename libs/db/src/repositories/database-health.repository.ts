import type { DataSource } from 'typeorm';

/** The API's health check of PostgreSQL: one round trip through the pool. */
export class DatabaseHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
