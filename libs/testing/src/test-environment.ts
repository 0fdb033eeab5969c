/** Names shared by the global setup and the test workers, passed through the environment. */
export const TEST_ENV = {
  runId: 'HOOK0_TEST_RUN_ID',
  templateDatabase: 'HOOK0_TEST_TEMPLATE_DB',
  amqpUrl: 'HOOK0_TEST_AMQP_URL',
  vhost: 'HOOK0_TEST_VHOST',
} as const;

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const AMQP_BASE_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest (its globalSetup sets it)`);
  return value;
}
