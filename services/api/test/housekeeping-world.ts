import { type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { loadApiConfig, type Env } from '@hook0/config';
import { QuotaUsageRepository } from '@hook0/db';
import { createApiMetrics, createLogger, createRegistry } from '@hook0/observability';
import { useTestDataSource } from '@hook0/testing';
import { buildHousekeeper } from '../src/housekeeping/housekeeping-graph';
import type { Housekeeper } from '../src/housekeeping/housekeeper';
import { QuotaService } from '../src/modules/quotas/quota.service';

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
  const db = useTestDataSource({ applicationName: 'housekeeping-test', poolSize: 6 });
  beforeEach(async () => {
    await db.pool.query('TRUNCATE organization, app_user CASCADE');
  });
  return {
    get pool() {
      return db.pool;
    },
    get dataSource() {
      return db.dataSource;
    },
    housekeeper(env: Env = {}) {
      const config = loadApiConfig(env);
      const quotas = new QuotaService(new QuotaUsageRepository(db.dataSource), config.quotas);
      const deps = {
        dataSource: db.dataSource,
        quotas,
        config: config.housekeeping,
        logger: createLogger('api', 'error', true),
        metrics: createApiMetrics(createRegistry('api')),
      };
      return buildHousekeeper(deps, { now: () => NOW, batchSize: 2 });
    },
  };
}
