import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DispatcherConfig } from '@hook0/config';
import {
  connectDataSource,
  isDatabaseUnavailable,
  KEYED_ACCESS_SETTINGS,
  ReplaySchedulerRepository,
  StaleAttemptRepository,
  StaleDispatchRepository,
} from '@hook0/db';
import { Broker, buildTopology, MessagePublisher, QueueConsumer } from '@hook0/messaging';
import { createDispatcherMetrics, createLogger, createOpsServer, createRegistry, errorFields, type Logger } from '@hook0/observability';
import { createReplayMetrics } from '@hook0/observability';
import { v7 as uuidv7 } from 'uuid';
import { createDeliverConsumer } from './consumers/deliver.consumer';
import { createFanOutConsumer } from './consumers/fan-out.consumer';
import { assertHandlersComplete } from './consumers/message-handlers';
import { AxiosHttpSender } from './delivery/axios-http-sender';
import type { HttpSender } from './delivery/http-sender';
import { TracedHttpSender } from './tracing/traced-http-sender';
import { buildDispatcherGraph } from './dispatcher-graph';
import { DeliverySlots } from './dispatch/delivery-slots';
import { LostMessageReconciler } from './reconcile/lost-message.reconciler';
import { ReplayScheduler } from './replay/replay-scheduler';
import { CleanupStack } from './startup/cleanup-stack';

export interface DispatcherOverrides {
  readonly logger?: Logger;
  readonly sender?: HttpSender;
  readonly now?: () => number;
  readonly random?: () => number;
}

export interface DispatcherHandle {
  /** Unique per running dispatcher: written to the attempts it claims. */
  readonly workerName: string;
  /** The port /metrics, /healthz and /readyz listen on. */
  readonly opsPort: number;
  isReady(): Promise<boolean>;
  /** Stops consuming, waits for in-flight work up to SHUTDOWN_TIMEOUT, then releases every connection. */
  stop(): Promise<void>;
}

const PUBLISH_TIMEOUT_MS = 10_000;
/** An expired lease or a parked attempt is left this long to the dispatcher that may still be finishing with it. */
const LEASE_RECOVERY_GRACE_MS = 1_000;

/** Builds and starts one dispatcher: database, broker, consumers and ops server. */
export async function startDispatcher(config: DispatcherConfig, overrides: DispatcherOverrides = {}): Promise<DispatcherHandle> {
  const workerName = `${config.workerName}-${randomBytes(3).toString('hex')}`;
  const logger = overrides.logger ?? createLogger('dispatcher', config.logLevel);
  const registry = createRegistry('dispatcher');
  const cleanup = new CleanupStack();
  const release = () => cleanup.runAll((step, error) => logger.error('dispatcher.cleanup_failed', { step, ...errorFields(error) }));
  let stopping = false;
  try {
    const sender = new TracedHttpSender(
      overrides.sender ??
        new AxiosHttpSender({
          timeoutMs: config.timeoutMs,
          connectTimeoutMs: config.connectTimeoutMs,
          responseBodyMaxBytes: config.responseBodyMaxBytes,
          checkTargetIp: !config.disableTargetIpCheck,
          maxPools: config.connectionPoolsMax,
          poolIdleMs: config.connectionPoolIdleMs,
        }),
    );
    // Released last: a delivery still in flight after SHUTDOWN_TIMEOUT is abandoned like a crash (its message
    // returns to the queue), rather than recorded as a connection failure caused by our own shutdown.
    cleanup.push('http sender', () => sender.close());
    const dataSource = await connectDataSource({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      applicationName: workerName,
      sessionSettings: KEYED_ACCESS_SETTINGS,
      timeoutMs: config.startupTimeoutMs,
      createIfMissing: false,
      onRetry: (attempt, error) => logger.warn('database.connect_retrying', { attempt, ...errorFields(error) }),
    });
    cleanup.push('database', () => dataSource.destroy());
    const topology = buildTopology(config.amqpPrefix, config.waitLadderMinMs, config.waitLadderMaxMs);
    const broker = new Broker({ url: config.amqpUrl, topology, logger, connectionName: workerName, publishTimeoutMs: PUBLISH_TIMEOUT_MS });
    cleanup.push('broker', () => broker.close());
    await broker.waitUntilReady(config.startupTimeoutMs);
    const metrics = createDispatcherMetrics(registry, { readQueueDepths: () => broker.queueDepths(), broker });

    const now = overrides.now ?? Date.now;
    const slots = new DeliverySlots(config.concurrency, (error) => logger.error('delivery.failed', errorFields(error)));
    const { handlers, health } = buildDispatcherGraph({
      config,
      workerName,
      dataSource,
      broker,
      sender,
      slots,
      metrics,
      logger,
      now,
      random: overrides.random ?? Math.random,
    });
    assertHandlersComplete(handlers);
    // Runs last: the outcomes of the deliveries that finished during shutdown are written with its final pass.
    cleanup.push('subscription health', () => health.stop());
    // Runs after the consumers stopped: no new claim can start, the deliveries in flight finish.
    cleanup.push('deliveries in flight', () => slots.drain(config.shutdownTimeoutMs));
    const consumers = [
      new QueueConsumer(broker, {
        queue: topology.dispatchQueue,
        // A fan-out mostly waits (two statements, then publish confirms): a smaller window starves the deliveries.
        prefetch: config.concurrency,
        logger,
        handle: createFanOutConsumer(topology.dispatchQueue, handlers, logger),
        isTransient: isDatabaseUnavailable,
        onRedelivered: () => metrics.messagesRedelivered.inc({ queue: 'dispatch' }),
      }),
      new QueueConsumer(broker, {
        queue: topology.deliverQueue,
        prefetch: config.concurrency,
        logger,
        handle: createDeliverConsumer(topology.deliverQueue, handlers, logger),
        isTransient: isDatabaseUnavailable,
        onRedelivered: () => metrics.messagesRedelivered.inc({ queue: 'deliver' }),
      }),
    ];
    cleanup.push('consumers', () => {
      const stopped = Promise.all(consumers.map((consumer) => consumer.stop(config.shutdownTimeoutMs)));
      // After the consumers stopped taking messages: those waiting for a slot go back to the queue at once.
      slots.refuse();
      return stopped;
    });
    await Promise.all(consumers.map((consumer) => consumer.start()));
    const reconciler = new LostMessageReconciler(
      new StaleAttemptRepository(dataSource),
      new StaleDispatchRepository(dataSource),
      new MessagePublisher(broker),
      metrics,
      logger,
      {
        intervalMs: config.reconcileIntervalMs,
        staleAfterMs: config.reconcileStaleAfterMs,
        leaseIntervalMs: config.leaseRecoveryIntervalMs,
        leaseGraceMs: LEASE_RECOVERY_GRACE_MS,
        defaultMaxInFlight: config.subscriptionMaxInFlight,
        batchSize: 500,
      },
    );
    reconciler.start();
    cleanup.push('reconciler', () => reconciler.stop());
    health.start();
    const replays = new ReplayScheduler(
      new ReplaySchedulerRepository(dataSource),
      new MessagePublisher(broker),
      createReplayMetrics(registry),
      logger,
      {
        ratePerSecond: config.replayRate,
        intervalMs: config.replayIntervalMs,
        maxApplications: 1_000,
        maxBatch: 1_000,
        newId: uuidv7,
        now,
      },
    );
    replays.start();
    cleanup.push('replay scheduler', () => replays.stop());

    const isReady = async () => {
      if (stopping || !broker.isConnected()) return false;
      await dataSource.query('SELECT 1');
      return true;
    };
    const ops = createOpsServer({ registry, isAlive: () => true, isReady });
    await new Promise<void>((resolve, reject) => ops.once('error', reject).listen(config.metricsPort, resolve));
    cleanup.push('ops server', () => {
      ops.closeAllConnections();
      return new Promise((resolve) => ops.close(resolve));
    });
    logger.info('dispatcher.started', { workerName, opsPort: (ops.address() as AddressInfo).port });

    return {
      workerName,
      opsPort: (ops.address() as AddressInfo).port,
      isReady: () => isReady().catch(() => false),
      stop: async () => {
        if (stopping) return;
        stopping = true;
        logger.info('dispatcher.stopping');
        await release();
        logger.info('dispatcher.stopped');
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
