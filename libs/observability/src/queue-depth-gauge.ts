import { Gauge, type Registry } from 'prom-client';

export type QueueKind = 'work' | 'wait' | 'dead';

export interface QueueDepth {
  /** The queue name without the AMQP prefix. */
  readonly queue: string;
  readonly kind: QueueKind;
  readonly messages: number;
}

export type QueueDepthReader = () => Promise<readonly QueueDepth[]>;

/** A scrape waits this long for RabbitMQ, then answers without queue depths. */
export const QUEUE_DEPTH_TIMEOUT_MS = 2_000;

/** Resolves to what `read` finds within `timeoutMs`, or to nothing when it fails or takes longer. */
async function readWithin(read: QueueDepthReader, timeoutMs: number): Promise<readonly QueueDepth[]> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<readonly QueueDepth[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
  });
  try {
    return await Promise.race([read().catch(() => []), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * hook0_queue_messages, read from RabbitMQ at every scrape. When RabbitMQ cannot answer in time the gauge
 * is emptied rather than left at stale values, and the scrape still answers.
 */
export function createQueueDepthGauge(
  registry: Registry,
  read?: QueueDepthReader,
  timeoutMs = QUEUE_DEPTH_TIMEOUT_MS,
): Gauge<'queue' | 'kind'> {
  return new Gauge({
    name: 'hook0_queue_messages',
    help: 'Messages in each RabbitMQ queue (work, wait and dead), read at scrape time',
    labelNames: ['queue', 'kind'],
    registers: [registry],
    async collect() {
      if (!read) return;
      const depths = await readWithin(read, timeoutMs);
      this.reset();
      for (const { queue, kind, messages } of depths) this.set({ queue, kind }, messages);
    },
  });
}
