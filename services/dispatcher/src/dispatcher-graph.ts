import type { DispatcherConfig } from '@hook0/config';
import { AttemptCompletionRepository, DeliveryRepository, DispatchRepository, isDatabaseUnavailable } from '@hook0/db';
import { MessagePublisher, type Broker } from '@hook0/messaging';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import type { DataSource } from 'typeorm';
import type { MessageHandlers } from './consumers/message-handlers';
import type { HttpSender } from './delivery/http-sender';
import { AttemptOutcomeService } from './dispatch/attempt-outcome.service';
import type { DeliverySlots } from './dispatch/delivery-slots';
import { DeliveryService, DUE_TOLERANCE_MS, LEASE_MARGIN_MS } from './dispatch/delivery.service';
import { FanOutService } from './dispatch/fan-out.service';

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

/** Services and repositories wired together; the result is one handler per consumed message type. */
export function buildMessageHandlers(inputs: GraphInputs): MessageHandlers {
  const { config, workerName, dataSource, broker, sender, slots, metrics, logger, now, random } = inputs;
  const publisher = new MessagePublisher(broker);
  const waitTiersMs = broker.topology.waitTiers.map((tier) => tier.ttlMs);
  const outcomes = new AttemptOutcomeService({
    completion: new AttemptCompletionRepository(dataSource),
    publisher,
    metrics,
    logger,
    workerName,
    waitTiersMs,
    retryDefaults: config.retry,
    now,
    random,
  });
  const repository = new DeliveryRepository(dataSource, {
    workerName,
    leaseMs: config.timeoutMs + LEASE_MARGIN_MS,
    earlyToleranceMs: DUE_TOLERANCE_MS,
    defaultMaxInFlight: config.subscriptionMaxInFlight,
  });
  const delivery = new DeliveryService({
    repository,
    outcomes,
    publisher,
    sender,
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
    now,
  });
  const fanOut = new FanOutService({
    repository: new DispatchRepository(dataSource),
    publisher,
    metrics,
    logger,
    now,
    startNow: (attemptId) => delivery.startNow(attemptId),
  });
  return {
    'event.dispatch': (message) => fanOut.dispatch(message),
    'attempt.deliver': (message) => delivery.handle(message),
  };
}
