import type { OutboxRepository, OutboxRow } from '@hook0/db';
import { MessagePublisher, ROUTING, type Broker } from '@hook0/messaging';
import { errorFields, inSpan, outsideTrace, type ApiMetrics, type Logger } from '@hook0/observability';

export interface OutboxRelayOptions {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly maxBacklog: number;
}

const MAX_BACKOFF_MS = 10_000;
const publishAttributes = (routingKey: string) => ({
  'messaging.system': 'rabbitmq',
  'messaging.operation.type': 'send',
  'messaging.rabbitmq.destination.routing_key': routingKey,
});
const DISPATCH_ATTRIBUTES = publishAttributes(ROUTING.dispatch);
const DELIVER_ATTRIBUTES = publishAttributes(ROUTING.deliver);

/**
 * Moves committed events from the outbox table to RabbitMQ (and single attempts: a retried attempt or a test delivery,
 * announced straight to the deliver queue). Ingest nudges it after each commit;
 * a timer also sweeps rows left by a replica that died between commit and publish. A batch is
 * published concurrently (one confirm window), then deleted in the same transaction that locked it.
 */
export class OutboxRelay {
  private running = false;
  private rerun = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private backoffMs = 0;
  private current: Promise<void> = Promise.resolve();
  private backlog = 0;
  private readonly messages: MessagePublisher;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly broker: Broker,
    private readonly logger: Logger,
    private readonly metrics: ApiMetrics,
    private readonly options: OutboxRelayOptions,
  ) {
    this.messages = new MessagePublisher(broker);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** True while the outbox holds `maxBacklog` rows or more: RabbitMQ has been away or pushing back for long. */
  isSaturated(): boolean {
    return this.backlog >= this.options.maxBacklog;
  }

  /** Called after an event commits: publish soon, coalescing bursts into batches. */
  nudge(): void {
    if (this.stopped || this.backoffMs > 0) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // A nudge comes from an ingest request: the pass it triggers publishes rows of many requests, each in its own trace.
    this.timer = outsideTrace(() =>
      setTimeout(() => {
        this.timer = null;
        this.current = this.drain();
      }, delayMs),
    );
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (!this.broker.isConnected()) {
        // Publishing now would hold the locked rows until the publish timeout; measure and look again soon.
        await this.measureBacklog();
        this.schedule(this.options.pollIntervalMs);
        return;
      }
      do {
        this.rerun = false;
        let published: number;
        do {
          published = await this.outbox.publishBatch(this.options.batchSize, (rows) => this.publish(rows));
          this.metrics.outboxPublished.inc(published);
        } while (published === this.options.batchSize && !this.stopped);
      } while (this.rerun && !this.stopped);
      this.backoffMs = 0;
      await this.measureBacklog();
      this.schedule(this.options.pollIntervalMs);
    } catch (error) {
      await this.measureBacklog().catch(() => undefined);
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), MAX_BACKOFF_MS);
      this.logger.warn('outbox.publish_failed', { backoffMs: this.backoffMs, ...errorFields(error) });
      this.schedule(this.backoffMs);
    } finally {
      this.running = false;
    }
  }

  private async measureBacklog(): Promise<void> {
    const { rows, oldestAgeSeconds } = await this.outbox.backlog(this.options.maxBacklog);
    this.backlog = rows;
    this.metrics.outboxBacklog.set(rows);
    this.metrics.outboxOldestAge.set(oldestAgeSeconds);
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const { workExchange } = this.broker.topology;
    await Promise.all(
      rows.map((row) => {
        const parent = row.traceParent ? { traceparent: row.traceParent } : {};
        const attemptId = row.requestAttemptId;
        // A producer span in the trace of the request that wrote the row; the broker puts it in the message headers.
        return attemptId === null
          ? inSpan(`${workExchange} publish`, { kind: 'producer', parent, attributes: DISPATCH_ATTRIBUTES }, () =>
              this.messages.dispatch(row, row.dispatchRound),
            )
          : inSpan(`${workExchange} publish`, { kind: 'producer', parent, attributes: DELIVER_ATTRIBUTES }, () =>
              this.messages.deliver(attemptId, Date.now()),
            );
      }),
    );
  }
}
