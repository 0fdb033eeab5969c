import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '@hook0/config';
import { connectDataSource, OutboxRepository } from '@hook0/db';
import { Broker, buildTopology } from '@hook0/messaging';
import { createApiMetrics, createLogger, createOpsServer, createRegistry, errorFields, type Logger } from '@hook0/observability';
import { buildApp } from './app';
import { builtDashboard } from './http/dashboard';
import { TokenAuthenticator } from './auth/token-authenticator';
import { buildHousekeeper } from './housekeeping/housekeeping-graph';
import { OutboxFullProblem } from './outbox/outbox-full.problem';
import { OutboxRelay } from './outbox/outbox-relay';
import { RouteAccess } from './http/route-access';
import { boundRoutes } from './routes';
import { createRepositories, createServices } from './services';

/** Where `npm run build` and the image put the dashboard: services/dashboard/dist, beside this service's dist. */
const DASHBOARD_BESIDE_THE_API = path.resolve(__dirname, '../../dashboard/dist');

export interface RunningApi {
  readonly url: string;
  readonly opsUrl: string;
  /** Resolves once connected to RabbitMQ with the topology declared; the API does not wait for it to start. */
  waitForBroker(timeoutMs: number): Promise<void>;
  /** Stops accepting, finishes in-flight requests, flushes the outbox pass and the housekeeping passes in progress, closes connections. Every call shares one stop. */
  stop(): Promise<void>;
}

export interface StartApiOptions {
  readonly logger?: Logger;
  readonly createDatabaseIfMissing?: boolean;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** True when `probe` resolves within `timeoutMs`; false when it fails or takes longer. */
async function answersWithin(probe: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Composition root of the API: everything is built here and passed down. */
export async function startApi(config: ApiConfig, options: StartApiOptions = {}): Promise<RunningApi> {
  const logger = options.logger ?? createLogger('api', config.logLevel);
  const registry = createRegistry('api');
  const dataSource = await connectDataSource({
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    applicationName: 'hook0-api',
    timeoutMs: config.startupTimeoutMs,
    createIfMissing: options.createDatabaseIfMissing ?? false,
    onRetry: (attempt, error) => logger.warn('db.connect_retry', { attempt, ...errorFields(error) }),
  });
  const broker = new Broker({
    url: config.amqpUrl,
    topology: buildTopology(config.amqpPrefix, config.waitLadderMinMs, config.waitLadderMaxMs),
    logger,
    connectionName: 'hook0-api',
    publishTimeoutMs: 10_000,
  });
  // Not awaited: the API accepts events into the outbox while RabbitMQ is away, and the relay publishes them
  // once the connection is up (docs/observability.md, "Readiness").
  const metrics = createApiMetrics(registry, { broker });

  const outbox = new OutboxRepository(dataSource);
  const relay = new OutboxRelay(outbox, broker, logger, metrics, {
    batchSize: config.outboxBatchSize,
    pollIntervalMs: config.outboxPollIntervalMs,
    maxBacklog: config.outboxMaxBacklog,
  });
  const repositories = createRepositories(dataSource);
  const services = createServices(
    repositories,
    {
      admit: () => {
        if (relay.isSaturated()) throw new OutboxFullProblem();
      },
      onCommitted: () => relay.nudge(),
    },
    { config, rabbitmqConnected: () => broker.isConnected(), onOutboxWritten: () => relay.nudge() },
  );
  const authenticator = new TokenAuthenticator(
    { applications: repositories.applications, sessions: repositories.sessions, serviceTokens: repositories.serviceTokens },
    config,
  );
  const housekeeper = buildHousekeeper({ dataSource, quotas: services.quotas, config: config.housekeeping, logger, metrics });
  const access = new RouteAccess(services.access, {
    subscriptionApplication: async (subscriptionId) => (await repositories.subscriptions.findLive(subscriptionId))?.applicationId ?? null,
  });
  const routes = boundRoutes(services, { appUrl: config.appUrl });
  const dashboardDir = builtDashboard(config.dashboardDir ?? DASHBOARD_BESIDE_THE_API);
  if (!dashboardDir) logger.warn('api.dashboard_not_built', { dir: config.dashboardDir ?? DASHBOARD_BESIDE_THE_API });
  const app = buildApp({ config, logger, metrics, authenticator, routes, access, dashboardDir });

  let stopping = false;
  const http = createServer(app);
  http.keepAliveTimeout = 65_000;
  const ops = createOpsServer({
    registry,
    isAlive: () => true,
    // Ready means able to accept events: PostgreSQL answers and no shutdown began. RabbitMQ is not asked.
    isReady: async () => !stopping && (await answersWithin(() => dataSource.query('SELECT 1'), config.healthCheckTimeoutMs)),
  });
  const port = await listen(http, config.port, config.host);
  const opsPort = await listen(ops, config.metricsPort, config.host);
  relay.start();
  housekeeper.start();
  const url = `http://127.0.0.1:${port}`;
  logger.info('api.listening', { url: `${url}/api/v1`, metricsPort: opsPort });

  const stop = async () => {
    stopping = true;
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeIdleConnections();
    });
    await relay.stop();
    await housekeeper.stop();
    await broker.close();
    await dataSource.destroy();
    await new Promise<void>((resolve) => ops.close(() => resolve()));
    logger.info('api.stopped');
  };
  let stopped: Promise<void> | undefined;
  return {
    url,
    opsUrl: `http://127.0.0.1:${opsPort}`,
    waitForBroker: (timeoutMs) => broker.waitUntilReady(timeoutMs),
    stop: () => (stopped ??= stop()),
  };
}
