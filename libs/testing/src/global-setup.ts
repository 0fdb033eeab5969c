import { Client } from 'pg';
import { migrateDatabase } from '@hook0/db';
import { addVhost } from './rabbitmq-admin';
import { AMQP_BASE_URL, databaseUrl, POSTGRES_ADMIN_URL, TEST_ENV } from './test-environment';

/** Migrates one template database and creates one vhost for the whole run; test files clone the template. */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `hook0_test_${runId}_tpl`;
  await migrateDatabase(databaseUrl(template));
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  // Nobody may stay connected to a template, or CREATE DATABASE … TEMPLATE fails.
  await admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
  await admin.end();
  const vhost = `hook0-test-${runId}`;
  await addVhost(vhost);
  const amqpUrl = new URL(AMQP_BASE_URL);
  amqpUrl.pathname = `/${encodeURIComponent(vhost)}`;
  process.env[TEST_ENV.runId] = runId;
  process.env[TEST_ENV.templateDatabase] = template;
  process.env[TEST_ENV.vhost] = vhost;
  process.env[TEST_ENV.amqpUrl] = amqpUrl.toString();
}
