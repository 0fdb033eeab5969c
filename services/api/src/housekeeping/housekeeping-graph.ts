import type { ApiConfig } from '@hook0/config';
import { ExpiredTokenRepository, OldEventsRepository, SoftDeletedApplicationRepository, withAdvisoryLock } from '@hook0/db';
import type { ApiMetrics, Logger } from '@hook0/observability';
import type { DataSource } from 'typeorm';
import type { QuotaService } from '../modules/quotas/quota.service';
import { expiredTokensTask } from './expired-tokens.task';
import { Housekeeper } from './housekeeper';
import { HOUSEKEEPING_BATCH_SIZE } from './housekeeping-task';
import { oldEventsTask } from './old-events.task';
import { softDeletedApplicationsTask } from './soft-deleted-applications.task';

export interface HousekeepingDeps {
  readonly dataSource: DataSource;
  readonly quotas: QuotaService;
  readonly config: ApiConfig['housekeeping'];
  readonly logger: Logger;
  readonly metrics: ApiMetrics;
}

export interface HousekeepingOptions {
  readonly now?: () => Date;
  readonly batchSize?: number;
  readonly firstPassDelayMs?: number;
}

/** Hook0's first housekeeping pass comes 20–35 s after start. */
const FIRST_PASS_DELAY_MS = 30_000;

/** The housekeeper with the tasks the configuration turns on. */
export function buildHousekeeper(deps: HousekeepingDeps, options: HousekeepingOptions = {}): Housekeeper {
  const { dataSource, config } = deps;
  const shared = { now: options.now ?? (() => new Date()), batchSize: options.batchSize ?? HOUSEKEEPING_BATCH_SIZE };
  const tasks = [
    oldEventsTask({ ...shared, events: new OldEventsRepository(dataSource), quotas: deps.quotas, config: config.oldEvents }),
    expiredTokensTask({ ...shared, tokens: new ExpiredTokenRepository(dataSource), config: config.expiredTokens }),
  ];
  if (config.softDeletedApplications.enabled) {
    tasks.push(
      softDeletedApplicationsTask({
        ...shared,
        applications: new SoftDeletedApplicationRepository(dataSource),
        config: config.softDeletedApplications,
      }),
    );
  }
  return new Housekeeper(tasks, (key, work) => withAdvisoryLock(dataSource, key, work), deps.logger, deps.metrics, {
    firstPassDelayMs: options.firstPassDelayMs ?? FIRST_PASS_DELAY_MS,
  });
}
