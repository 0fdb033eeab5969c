import type { DispatcherConfig } from '@hook0/config';
import {
  AttemptCompletionRepository,
  DeliveryRepository,
  DispatchRepository,
  EventRepository,
  EventTypeRepository,
  isDatabaseUnavailable,
  SubscriptionHealthRepository,
  SubscriptionSecretRepository,
} from '@hook0/db';
import { MessagePublisher, type Broker } from '@hook0/messaging';
import { errorFields, type DispatcherMetrics, type Logger } from '@hook0/observability';
import type { DataSource } from 'typeorm';
import type { MessageHandlers } from './consumers/message-handlers';
import type { HttpSender } from './delivery/http-sender';
import { PreviousSecrets } from './delivery/previous-secrets';
import { AttemptOutcomeService } from './dispatch/attempt-outcome.service';
import type { DeliverySlots } from './dispatch/delivery-slots';
import { DeliveryService, DUE_TOLERANCE_MS, LEASE_MARGIN_MS } from './dispatch/delivery.service';
import { FanOutService } from './dispatch/fan-out.service';
import { HealthGate } from './health/health-gate';
import { HealthMonitor } from './health/health-monitor';
import { HealthReportBuffer } from './health/health-report-buffer';
import { OperationalEvents } from './health/operational-events';

export interface GraphInputs {
  readonly config: DispatcherConfig;
  readonly workerName: string;
  readonly dataSource: DataSource;
  readonly broker: Broker;
  readonly sender: HttpSender;
  readonly slots: DeliverySlots;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly now: () => number;
  readonly random: () => number;
}

export interface DispatcherGraph {
  /** One handler per consumed message type. */
  readonly handlers: MessageHandlers;
  /** Subscription health's periodic pass, started and stopped with the consumers. */
  readonly health: HealthMonitor;
}

/** Services and repositories wired together. */
export function buildDispatcherGraph(inputs: GraphInputs): DispatcherGraph {
  const { config, workerName, dataSource, broker, sender, slots, metrics, logger, now, random } = inputs;
  const publisher = new MessagePublisher(broker);
  const healthRepository = new SubscriptionHealthRepository(dataSource);
  const gate = new HealthGate();
  const buffer = new HealthReportBuffer();
  const operationalEvents = new OperationalEvents({
    applicationId: config.health.operationalApplicationId,
    events: new EventRepository(dataSource),
    eventTypes: new EventTypeRepository(dataSource),
    dispatch: (event, round) => publisher.dispatch(event, round),
    logger,
    now,
  });
  const waitTiersMs = broker.topology.waitTiers.map((tier) => tier.ttlMs);
  const leaseMs = config.timeoutMs + LEASE_MARGIN_MS;
  const outcomes = new AttemptOutcomeService({
    completion: new AttemptCompletionRepository(dataSource, { leaseMs, defaultMaxInFlight: config.subscriptionMaxInFlight }),
    publisher,
    metrics,
    logger,
    workerName,
    waitTiersMs,
    retryDefaults: config.retry,
    now,
    random,
    onExhausted: ({ attemptId, eventId, subscriptionId, reason }) =>
      void healthRepository.ownerOf(subscriptionId).then(
        (owner) =>
          owner &&
          operationalEvents.emit({
            type: 'hook0.attempt.exhausted',
            ...owner,
            details: { subscription_id: subscriptionId, event_id: eventId, request_attempt_id: attemptId, reason },
          }),
        (error: unknown) => logger.warn('operational_event.lookup_failed', errorFields(error)),
      ),
  });
  const repository = new DeliveryRepository(dataSource, {
    workerName,
    leaseMs,
    earlyToleranceMs: DUE_TOLERANCE_MS,
    defaultMaxInFlight: config.subscriptionMaxInFlight,
  });
  const delivery = new DeliveryService({
    repository,
    outcomes,
    publisher,
    sender,
    health: {
      disabledUntil: (subscriptionId) => gate.disabledUntil(subscriptionId),
      hold: (attemptId, until) => healthRepository.hold(attemptId, workerName, until),
      report: (outcome) => buffer.add(outcome),
    },
    slots,
    metrics,
    logger,
    waitTiersMs,
    isTransient: isDatabaseUnavailable,
    signing: {
      signatureHeaderName: config.signatureHeaderName,
      signatureVersions: config.enabledSignatureVersions,
      userAgent: config.userAgent,
    },
    previousSecrets: new PreviousSecrets(new SubscriptionSecretRepository(dataSource), now),
    now,
  });
  const fanOut = new FanOutService({
    repository: new DispatchRepository(dataSource, config.subscriptionMaxInFlight),
    publisher,
    metrics,
    logger,
    now,
    startNow: (attemptId) => delivery.startNow(attemptId),
  });
  const health = new HealthMonitor({
    repository: healthRepository,
    gate,
    buffer,
    policy: config.health,
    checkIntervalMs: config.health.checkIntervalMs,
    redrivePerSecond: config.health.redrivePerSecond,
    probeLeaseMs: config.timeoutMs + LEASE_MARGIN_MS,
    probe: (attemptId) => delivery.probe(attemptId),
    announce: (attemptId) => publisher.deliver(attemptId, now()),
    events: operationalEvents,
    metrics: metrics.health,
    logger,
  });
  return {
    handlers: {
      'event.dispatch': (message) => fanOut.dispatch(message),
      'attempt.deliver': (message) => delivery.handle(message),
    },
    health,
  };
}
