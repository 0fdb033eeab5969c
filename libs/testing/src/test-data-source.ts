import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { connectDataSource } from '@hook0/db';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestDataSource {
  /** Plain SQL for arranging and inspecting rows. */
  readonly pool: Pool;
  /** What the code under test runs on. */
  readonly dataSource: DataSource;
}

/** One cloned database for the calling test file, with a pg pool and a typeorm DataSource on it, gone after the file. */
export function useTestDataSource(options: { applicationName: string; poolSize?: number }): TestDataSource {
  let db: TestDatabase;
  const world = {} as { pool: Pool; dataSource: DataSource };
  beforeAll(async () => {
    db = await createTestDatabase();
    world.pool = new Pool({ connectionString: db.url, max: 2 });
    // pool.end() resolves before its sockets close; the forced DROP DATABASE may still end one of them.
    world.pool.on('error', () => undefined);
    world.dataSource = await connectDataSource({
      url: db.url,
      poolSize: options.poolSize ?? 4,
      applicationName: options.applicationName,
      timeoutMs: 10_000,
      createIfMissing: false,
    });
  });
  afterAll(async () => {
    await world.dataSource.destroy();
    await world.pool.end();
    await db.drop();
  });
  return {
    get pool() {
      return world.pool;
    },
    get dataSource() {
      return world.dataSource;
    },
  };
}
