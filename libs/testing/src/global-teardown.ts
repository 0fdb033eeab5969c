import { Client } from 'pg';
import { deleteVhost } from './rabbitmq-admin';
import { POSTGRES_ADMIN_URL, TEST_ENV } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env[TEST_ENV.runId];
  if (!runId) return;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `hook0_test_${runId}_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await deleteVhost(process.env[TEST_ENV.vhost] ?? '');
}
