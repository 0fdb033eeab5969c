import type { DispatcherConfig } from '@hook0/config';
import { AttemptCompletionRepository, DeliveryRepository, DispatchRepository } from '@hook0/db';
import type { Broker } from '@hook0/messaging';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import type { DataSource } from 'typeorm';
import type { MessageHandlers } from './consumers/message-handlers';
import type { HttpSender } from './delivery/http-sender';
import { AttemptOutcomeService } from './dispatch/attempt-outcome.service';
import { DeliveryService } from './dispatch/delivery.service';
import { FanOutService } from './dispatch/fan-out.service';
import { BrokerWorkPublisher } from './messaging/broker-work-publisher';

export interface GraphInputs {
  readonly config: DispatcherConfig;
  readonly workerName: string;
  readonly dataSource: DataSource;
  readonly broker: Broker;
  readonly sender: HttpSender;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly now: () => number;
  readonly random: () => number;
}

/** Services and repositories wired together; the result is one handler per consumed message type. */
export function buildMessageHandlers(inputs: GraphInputs): MessageHandlers {
  const { config, workerName, dataSource, broker, sender, metrics, logger, now, random } = inputs;
  const publisher = new BrokerWorkPublisher(broker);
  const waitTiersMs = broker.topology.waitTiers.map((tier) => tier.ttlMs);
  const fanOut = new FanOutService({ repository: new DispatchRepository(dataSource), publisher, metrics, logger, now });
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
  const delivery = new DeliveryService({
    repository: new DeliveryRepository(dataSource),
    outcomes,
    publisher,
    sender,
    metrics,
    logger,
    workerName,
    waitTiersMs,
    timeoutMs: config.timeoutMs,
    signing: { signatureHeaderName: config.signatureHeaderName, signatureVersions: config.enabledSignatureVersions, userAgent: config.userAgent },
    now,
  });
  return {
    'event.dispatch': (message) => fanOut.dispatch(message),
    'attempt.deliver': (message) => delivery.handle(message),
  };
}
