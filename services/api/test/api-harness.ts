import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadApiConfig, type ApiConfig } from '@hook0/config';
import { createLogger } from '@hook0/observability';
import { buildTopology } from '@hook0/messaging';
import { createTestDatabase, deleteQueues, testAmqp, type TestDatabase } from '@hook0/testing';
import { startApi, type RunningApi } from '../src/api';

export interface ApiHarness {
  readonly api: RunningApi;
  readonly config: ApiConfig;
  readonly database: TestDatabase;
  readonly masterKey: string;
  /** supertest agent on the running API, paths relative to /api/v1. */
  http(): request.Agent;
  close(): Promise<void>;
}

export interface ApiHarnessOptions {
  /** Wait until the API is connected to RabbitMQ with its queues declared (true by default; the API itself does not). */
  readonly awaitBroker?: boolean;
}

/**
 * A real API on an ephemeral port, over a cloned database and its own AMQP prefix. `env` overrides the configuration;
 * as a function it sees the database first (to route DATABASE_URL through a proxy, say).
 */
export async function startApiHarness(
  env: Record<string, string> | ((database: TestDatabase) => Promise<Record<string, string>>) = {},
  options: ApiHarnessOptions = {},
): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const amqp = testAmqp();
  const masterKey = randomUUID();
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    AMQP_URL: amqp.url,
    AMQP_PREFIX: amqp.prefix,
    PORT: '0',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    MASTER_API_KEY: masterKey,
    OUTBOX_POLL_INTERVAL: '200ms',
    // Tests fire requests far faster than Hook0's per-token bucket allows; the rate limit tests turn it back on.
    DISABLE_API_RATE_LIMITING: 'true',
    ...(typeof env === 'function' ? await env(database) : env),
  });
  const api = await startApi(config, { logger: createLogger('api', 'error', true) });
  if (options.awaitBroker ?? true) await api.waitForBroker(30_000);
  return {
    api,
    config,
    database,
    masterKey,
    http: () => request.agent(`${api.url}/api/v1`),
    async close() {
      await api.stop();
      await database.drop();
      const topology = buildTopology(config.amqpPrefix, config.waitLadderMinMs, config.waitLadderMaxMs);
      await deleteQueues(
        config.amqpUrl,
        topology.queues.map((queue) => queue.name),
      );
    },
  };
}

export interface Tenant {
  readonly organizationId: string;
  readonly applicationId: string;
  readonly secret: string;
}

/** An organization and an application made through the API, with the application's Default secret. */
export async function createTenant(
  harness: Pick<ApiHarness, 'http' | 'masterKey'>,
  eventTypes: string[] = ['billing.invoice.paid'],
): Promise<Tenant> {
  const auth = { Authorization: `Bearer ${harness.masterKey}` };
  const organization = await harness.http().post('/organizations').set(auth).send({ name: 'Acme' }).expect(200);
  const organizationId: string = organization.body.organization_id;
  const application = await harness
    .http()
    .post('/applications')
    .set(auth)
    .send({ organization_id: organizationId, name: 'Billing' })
    .expect(201);
  const applicationId: string = application.body.application_id;
  const secrets = await harness.http().get('/application_secrets').query({ application_id: applicationId }).set(auth).expect(200);
  const secret: string = secrets.body[0].token;
  for (const name of eventTypes) {
    const [service, resource_type, verb] = name.split('.');
    await harness.http().post('/event_types').set(auth).send({ application_id: applicationId, service, resource_type, verb }).expect(201);
  }
  return { organizationId, applicationId, secret };
}
