import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  readonly applicationName: string;
  /** Planner settings for every session of the pool (`-c name=value` at connect). */
  readonly sessionSettings?: Readonly<Record<string, string>>;
}

/**
 * The dispatcher's statements all find their rows by key. On a young or fast-growing table the planner's cached
 * plans still see it as small and read it whole on every call (docs/benchmarks.md, "Plans that read every pending
 * attempt"); without sequential scans they stay on the indexes.
 */
export const KEYED_ACCESS_SETTINGS: Readonly<Record<string, string>> = { enable_seqscan: 'off' };

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize,
    applicationName: options.applicationName,
    extra: { connectionTimeoutMillis: 5_000, statement_timeout: 30_000, options: sessionOptions(options.sessionSettings) },
  });
}

function sessionOptions(settings: Readonly<Record<string, string>> = {}): string | undefined {
  const flags = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  return flags.length === 0 ? undefined : flags.join(' ');
}
