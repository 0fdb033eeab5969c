import type { ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { errorFields, startSpan, type Logger } from '@hook0/observability';
import type { Broker } from './broker';

/** What a handler decided about a message. */
export type Disposition = 'ack' | 'reject';

export interface ConsumerOptions {
  readonly queue: string;
  readonly prefetch: number;
  readonly logger: Logger;
  readonly handle: (message: ConsumeMessage) => Promise<Disposition>;
  /** Errors worth retrying in place (a dependency is down): the message is held, not requeued. */
  readonly isTransient: (error: unknown) => boolean;
  readonly onRedelivered?: () => void;
}

const RETRY_IN_PLACE_MAX_MS = 10_000;

/**
 * Consumes one queue with manual acks on the channel that delivered each message.
 * A message whose handler hits a transient failure is retried in process with backoff (RabbitMQ keeps
 * it unacked, so nothing is lost if the process dies); any other failure requeues it, and the queue's
 * delivery limit dead-letters a message that keeps failing.
 */
export class QueueConsumer {
  private wrapper: ChannelWrapper | null = null;
  private readonly consumerTags = new Map<Channel, string>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly broker: Broker,
    private readonly options: ConsumerOptions,
  ) {}

  async start(): Promise<void> {
    this.wrapper = this.broker.createConsumerChannel(`consumer:${this.options.queue}`, async (channel) => {
      if (this.stopping) return;
      await channel.prefetch(this.options.prefetch);
      const { consumerTag } = await channel.consume(this.options.queue, (message) => {
        if (message) this.track(this.traced(channel, message));
      });
      this.consumerTags.set(channel, consumerTag);
      channel.once('close', () => this.consumerTags.delete(channel));
    });
    await this.wrapper.waitForConnect();
  }

  inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Stops taking messages, waits up to `timeoutMs` for in-flight ones, then closes the channel (unacked messages return to the queue). */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.consumerTags].map(([channel, tag]) => channel.cancel(tag).catch(() => undefined)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    await this.wrapper?.close().catch(() => undefined);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** One consumer span per message, a child of the publisher's context carried in its headers. */
  private async traced(channel: Channel, message: ConsumeMessage): Promise<void> {
    const span = startSpan(`${this.options.queue} process`, {
      kind: 'consumer',
      parent: message.properties.headers ?? {},
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.destination.name': this.options.queue,
        'messaging.operation.type': 'process',
      },
    });
    try {
      await span.run(() => this.process(channel, message));
    } finally {
      span.end();
    }
  }

  private async process(channel: Channel, message: ConsumeMessage): Promise<void> {
    const { logger, queue } = this.options;
    if (message.fields.redelivered) this.options.onRedelivered?.();
    let backoffMs = 250;
    for (;;) {
      try {
        const disposition = await this.options.handle(message);
        this.settle(channel, message, disposition === 'ack' ? 'ack' : 'reject');
        return;
      } catch (error) {
        if (this.stopping) {
          logger.info('consumer.requeued_on_stop', { queue });
          this.settle(channel, message, 'requeue');
          return;
        }
        if (!this.options.isTransient(error)) {
          logger.error('consumer.failed', { queue, requeued: true, ...errorFields(error) });
          this.settle(channel, message, 'requeue');
          return;
        }
        logger.warn('consumer.retrying_in_place', { queue, backoffMs, ...errorFields(error) });
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, RETRY_IN_PLACE_MAX_MS);
      }
    }
  }

  /** Acks on the channel that delivered the message; if that channel is gone, RabbitMQ has already requeued it. */
  private settle(channel: Channel, message: ConsumeMessage, how: 'ack' | 'reject' | 'requeue'): void {
    try {
      if (how === 'ack') channel.ack(message);
      else channel.nack(message, false, how === 'requeue');
    } catch (error) {
      this.options.logger.warn('consumer.settle_skipped', { queue: this.options.queue, ...errorFields(error) });
    }
  }
}
