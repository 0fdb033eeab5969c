import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { errorFields, withTraceHeaders, type Logger, type QueueDepth } from '@hook0/observability';
import { declareTopology, type Topology } from './topology';

export interface BrokerOptions {
  readonly url: string;
  readonly topology: Topology;
  readonly logger: Logger;
  readonly connectionName: string;
  /** A publish not confirmed within this time is rejected (and retried by its caller). */
  readonly publishTimeoutMs: number;
}

const NOT_FOUND = 404;

/** A plain channel whose closing by the server (an error reply) is expected and handled by its user. */
async function openQuietChannel(connection: ChannelModel): Promise<Channel> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  return channel;
}

/**
 * One RabbitMQ connection that reconnects by itself, declares the topology on every
 * (re)connection, publishes on a confirm channel and hosts consumers.
 */
export class Broker {
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private blocked = false;

  constructor(private readonly options: BrokerOptions) {
    const { logger } = options;
    this.connection = amqp.connect([options.url], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: options.connectionName } },
    });
    // One line per outage, not one per reconnection attempt.
    let failureReported = false;
    this.connection.on('connect', () => {
      failureReported = false;
      logger.info('amqp.connected');
    });
    this.connection.on('disconnect', ({ err }) => {
      failureReported = true;
      logger.warn('amqp.disconnected', errorFields(err));
    });
    this.connection.on('connectFailed', ({ err }) => {
      if (failureReported) return;
      failureReported = true;
      logger.warn('amqp.connect_failed', errorFields(err));
    });
    this.connection.on('blocked', ({ reason }) => {
      this.blocked = true;
      logger.warn('amqp.blocked', { reason });
    });
    this.connection.on('unblocked', () => {
      this.blocked = false;
      logger.info('amqp.unblocked');
    });
    this.publisher = this.connection.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: options.publishTimeoutMs,
      setup: (channel: ConfirmChannel) => declareTopology(channel, options.topology),
    });
    this.publisher.on('error', (error: Error) => logger.error('amqp.channel_error', errorFields(error)));
  }

  get topology(): Topology {
    return this.options.topology;
  }

  /** Resolves once connected and the topology is declared; rejects after `timeoutMs`. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`RabbitMQ not reachable within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.publisher.waitForConnect(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  /** True when the broker pushes back (memory or disk alarm). */
  isBlocked(): boolean {
    return this.blocked;
  }

  /** Messages waiting in this process for a confirm or for a connection. */
  pendingPublishes(): number {
    return this.publisher.queueLength();
  }

  /**
   * Persistent publish; resolves when RabbitMQ confirmed it. Concurrent calls share the confirm window. The active
   * trace context, if any, travels in the headers (`traceparent`).
   */
  async publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: { messageId?: string; headers?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.publisher.publish(exchange, routingKey, content, {
      persistent: true,
      contentType: 'application/json',
      messageId: options.messageId,
      headers: withTraceHeaders(options.headers),
      timestamp: Math.floor(Date.now() / 1000),
    });
  }

  /** A channel for consumers, re-created with its setup on every reconnection. */
  createConsumerChannel(name: string, setup: (channel: Channel) => Promise<void>): ChannelWrapper {
    const wrapper = this.connection.createChannel({ name, confirm: false, setup });
    wrapper.on('error', (error: Error) => this.options.logger.error('amqp.channel_error', { channel: name, ...errorFields(error) }));
    return wrapper;
  }

  /**
   * Messages in every queue of the topology, by passive declares on a short-lived channel of their own:
   * the server closes a channel whose check names a missing queue, and publishers and consumers must not
   * share that fate. A missing queue is left out.
   */
  async queueDepths(): Promise<QueueDepth[]> {
    const connection = this.connection.connection;
    if (!connection) throw new Error('RabbitMQ not connected');
    const depths: QueueDepth[] = [];
    let channel = await openQuietChannel(connection);
    try {
      for (const { name, label, kind } of this.options.topology.queues) {
        try {
          const { messageCount } = await channel.checkQueue(name);
          depths.push({ queue: label, kind, messages: messageCount });
        } catch (error) {
          if ((error as { code?: unknown }).code !== NOT_FOUND) throw error;
          channel = await openQuietChannel(connection);
        }
      }
    } finally {
      await channel.close().catch(() => undefined);
    }
    return depths;
  }

  async close(): Promise<void> {
    await this.publisher.close().catch(() => undefined);
    await this.connection.close();
  }
}

export type { ConsumeMessage };
