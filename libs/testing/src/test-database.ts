import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, POSTGRES_ADMIN_URL, requireTestEnv, TEST_ENV } from './test-environment';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template (no migrations per test file). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = requireTestEnv(TEST_ENV.templateDatabase);
  const name = `hook0_test_${requireTestEnv(TEST_ENV.runId)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
