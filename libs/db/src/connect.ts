import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseOptions } from './data-source';
import { ensureDatabase } from './ensure-database';

export interface ConnectOptions extends DatabaseOptions {
  /** Give up after this long (STARTUP_TIMEOUT). */
  readonly timeoutMs: number;
  /** Create the database when it is missing (npm start does; production relies on the migrate job). */
  readonly createIfMissing: boolean;
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

/** Initializes a DataSource, retrying with backoff while PostgreSQL is not reachable yet. */
export async function connectDataSource(options: ConnectOptions): Promise<DataSource> {
  const deadline = Date.now() + options.timeoutMs;
  let delayMs = 250;
  for (let attempt = 1; ; attempt += 1) {
    const dataSource = createDataSource(options);
    try {
      if (options.createIfMissing) await ensureDatabase(options.url);
      return await dataSource.initialize();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (Date.now() + delayMs > deadline) {
        throw new Error(
          `PostgreSQL not reachable within ${options.timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      options.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5_000);
    }
  }
}
