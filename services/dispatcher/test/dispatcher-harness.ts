import { Pool } from 'pg';
import { loadDispatcherConfig, type DispatcherConfig } from '@hook0/config';
import type { EventKey } from '@hook0/db';
import { Broker, buildTopology, dispatchEventMessage, MessagePublisher, type DispatchEventMessage, type Topology } from '@hook0/messaging';
import { createLogger } from '@hook0/observability';
import { createTestDatabase, deleteQueues, scrapeMetric, testAmqp, waitFor, WebhookReceiver, type TestDatabase } from '@hook0/testing';
import { startDispatcher, type DispatcherHandle } from '../src/dispatcher';

export interface AttemptRow {
  readonly attemptId: string;
  readonly subscriptionId: string;
  readonly retryCount: number;
  readonly createdAt: Date;
  readonly delayUntil: Date | null;
  readonly succeededAt: Date | null;
  readonly failedAt: Date | null;
  readonly workerName: string | null;
  readonly responseId: string | null;
  readonly httpCode: number | null;
  readonly errorName: string | null;
  readonly responseBody: string | null;
}

/** One test's world: a fresh AMQP prefix on the run's vhost, the file's database, a receiver, and the dispatchers it started. */
export class DispatcherHarness {
  readonly receiver = new WebhookReceiver();
  private readonly dispatchers: DispatcherHandle[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly pool: Pool,
    readonly amqp: { readonly url: string; readonly prefix: string },
    readonly broker: Broker,
    readonly topology: Topology,
  ) {}

  static async create(db: TestDatabase, pool: Pool): Promise<DispatcherHarness> {
    const amqp = testAmqp();
    const config = loadDispatcherConfig(baseEnv(db, amqp));
    const topology = buildTopology(amqp.prefix, config.waitLadderMinMs, config.waitLadderMaxMs);
    const broker = new Broker({
      url: amqp.url,
      topology,
      logger: createLogger('test', 'error', true),
      connectionName: 'test',
      publishTimeoutMs: 5_000,
    });
    await broker.waitUntilReady(10_000);
    const harness = new DispatcherHarness(db, pool, amqp, broker, topology);
    await harness.receiver.start();
    return harness;
  }

  /** The test configuration (short retries, small ladder, IP check off) with `env` on top. */
  config(env: Record<string, string> = {}): DispatcherConfig {
    return loadDispatcherConfig(this.env(env));
  }

  /** The environment of a dispatcher of this test, for a child process. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { ...baseEnv(this.db, this.amqp), ...extra };
  }

  async start(env: Record<string, string> = {}): Promise<DispatcherHandle> {
    const dispatcher = await startDispatcher(this.config(env));
    this.dispatchers.push(dispatcher);
    return dispatcher;
  }

  /** What the API's outbox relay publishes for a new event. */
  async dispatch(event: EventKey, dispatchRound = 0): Promise<void> {
    await this.publishDispatch(dispatchEventMessage(event, dispatchRound));
  }

  /** What an outbox relay from before event ids were scoped per application published: the id alone. */
  async dispatchWithoutApplication(eventId: string, dispatchRound = 0): Promise<void> {
    await this.publishDispatch({ v: 1, type: 'event.dispatch', eventId, dispatchRound });
  }

  private async publishDispatch(message: DispatchEventMessage): Promise<void> {
    await new MessagePublisher(this.broker).publishDispatch(message);
  }

  async attempts(event: EventKey): Promise<AttemptRow[]> {
    const { rows } = await this.pool.query<AttemptRow>(
      `SELECT ra.request_attempt_id AS "attemptId", ra.subscription_id AS "subscriptionId", ra.retry_count AS "retryCount",
              ra.created_at AS "createdAt", ra.delay_until AS "delayUntil", ra.succeeded_at AS "succeededAt",
              ra.failed_at AS "failedAt", ra.worker_name AS "workerName", ra.response_id AS "responseId",
              r.http_code AS "httpCode", r.response_error_name AS "errorName", r.body AS "responseBody"
         FROM request_attempt ra LEFT JOIN response r ON r.response_id = ra.response_id
        WHERE ra.event_id = $1 AND ra.application_id = $2 ORDER BY ra.subscription_id, ra.retry_count`,
      [event.eventId, event.applicationId],
    );
    return rows;
  }

  /** Polls until `count` attempts of the event are finished (succeeded or failed). */
  async finishedAttempts(event: EventKey, count: number, timeoutMs = 30_000): Promise<AttemptRow[]> {
    return waitFor(
      async () => {
        const rows = await this.attempts(event);
        return rows.filter((row) => row.succeededAt !== null || row.failedAt !== null).length >= count ? rows : undefined;
      },
      `${count} finished attempts of event ${event.eventId}`,
      timeoutMs,
    );
  }

  /** A metric of a dispatcher's /metrics, summed over its series whose labels include `labels`. */
  async metric(dispatcher: DispatcherHandle, name: string, labels: Record<string, string> = {}): Promise<number> {
    return scrapeMetric(`http://127.0.0.1:${dispatcher.opsPort}`, name, labels);
  }

  /** Polls a dispatcher's metric until it reaches `value`. */
  async metricReaches(dispatcher: DispatcherHandle, name: string, labels: Record<string, string>, value: number): Promise<void> {
    await waitFor(
      async () => ((await this.metric(dispatcher, name, labels)) === value ? true : undefined),
      `${name} ${JSON.stringify(labels)} = ${value}`,
    );
  }

  async dispose(): Promise<void> {
    await this.receiver.stop();
    await Promise.all(this.dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
    await this.broker.close();
    await deleteQueues(
      this.amqp.url,
      this.topology.queues.map((queue) => queue.name),
    );
  }
}

function baseEnv(db: TestDatabase, amqp: { url: string; prefix: string }): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    AMQP_URL: amqp.url,
    AMQP_PREFIX: amqp.prefix,
    METRICS_PORT: '0',
    DISABLE_TARGET_IP_CHECK: 'true',
    RETRY_SCHEDULE: '300ms,600ms',
    RETRY_JITTER_RATIO: '0',
    WAIT_LADDER_MIN: '50ms',
    WAIT_LADDER_MAX: '1m',
    TIMEOUT: '5s',
    CONNECT_TIMEOUT: '2s',
    SHUTDOWN_TIMEOUT: '2s',
    STARTUP_TIMEOUT: '10s',
    LOG_LEVEL: 'error',
  };
}

export interface DispatcherWorld {
  readonly db: TestDatabase;
  readonly pool: Pool;
  readonly harness: DispatcherHarness;
}

/** The usual hooks of a dispatcher test file: one cloned database and pool per file, a fresh harness per test. */
export function useDispatcherWorld(): DispatcherWorld {
  const world = {} as { db: TestDatabase; pool: Pool; harness: DispatcherHarness };
  beforeAll(async () => {
    world.db = await createTestDatabase();
    world.pool = new Pool({ connectionString: world.db.url, max: 3 });
    // An idle client closed by the server (a dropped database, a restart) must not crash the test process.
    world.pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await world.pool.end();
    await world.db.drop();
  });
  beforeEach(async () => {
    world.harness = await DispatcherHarness.create(world.db, world.pool);
  });
  afterEach(() => world.harness.dispose());
  return world;
}
