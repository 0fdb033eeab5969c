import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { loadApiConfig, type Env } from '@hook0/config';
import { connectDataSource, QuotaUsageRepository } from '@hook0/db';
import { createApiMetrics, createLogger, createRegistry } from '@hook0/observability';
import { createTestDatabase, type TestDatabase } from '@hook0/testing';
import { buildHousekeeper } from '../housekeeping/housekeeping-graph';
import type { Housekeeper } from '../housekeeping/housekeeper';
import { QuotaService } from '../modules/quotas/quota.service';

/** The housekeeper's clock in these tests; rows are dated relative to it. */
export const NOW = new Date('2030-01-15T12:00:00.000Z');
export const TYPE = 'billing.invoice.paid';

export interface HousekeepingWorld {
  readonly pool: Pool;
  readonly dataSource: DataSource;
  /** A housekeeper on the test database, configured by `env`, deleting 2 rows per statement to exercise batching. */
  housekeeper(env?: Env): Housekeeper;
}

/** One cloned database per file, emptied before each test. */
export function useHousekeepingWorld(): HousekeepingWorld {
  let db: TestDatabase;
  const world = {} as { pool: Pool; dataSource: DataSource };
  beforeAll(async () => {
    db = await createTestDatabase();
    world.pool = new Pool({ connectionString: db.url, max: 4 });
    world.pool.on('error', () => undefined);
    world.dataSource = await connectDataSource({ url: db.url, poolSize: 6, applicationName: 'housekeeping-test', timeoutMs: 10_000, createIfMissing: false });
  });
  beforeEach(async () => {
    await world.pool.query('TRUNCATE organization, app_user CASCADE');
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
    housekeeper(env: Env = {}) {
      const config = loadApiConfig(env);
      const quotas = new QuotaService(new QuotaUsageRepository(world.dataSource), config.quotas);
      const deps = { dataSource: world.dataSource, quotas, config: config.housekeeping, logger: createLogger('api', 'error', true), metrics: createApiMetrics(createRegistry('api')) };
      return buildHousekeeper(deps, { now: () => NOW, batchSize: 2 });
    },
  };
}
