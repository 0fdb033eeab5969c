import { Registry } from 'prom-client';
import { createQueueDepthGauge, type QueueDepth, type QueueDepthReader } from './queue-depth-gauge';

const DEPTHS: QueueDepth[] = [
  { queue: 'deliver', kind: 'work', messages: 7 },
  { queue: 'wait.250ms', kind: 'wait', messages: 3 },
];

async function scrape(
  read: QueueDepthReader | undefined,
  timeoutMs = 1_000,
): Promise<{ series: Record<string, number>; gauge: ReturnType<typeof createQueueDepthGauge> }> {
  const registry = new Registry();
  const gauge = createQueueDepthGauge(registry, read, timeoutMs);
  return { series: await seriesOf(gauge), gauge };
}

async function seriesOf(gauge: ReturnType<typeof createQueueDepthGauge>): Promise<Record<string, number>> {
  const { values } = await gauge.get();
  return Object.fromEntries(values.map((value) => [`${value.labels.queue}/${value.labels.kind}`, value.value]));
}

describe('hook0_queue_messages', () => {
  it('reports what the reader finds at scrape time, by queue and kind', async () => {
    expect((await scrape(async () => DEPTHS)).series).toEqual({ 'deliver/work': 7, 'wait.250ms/wait': 3 });
  });

  it('reports nothing without a reader', async () => {
    expect((await scrape(undefined)).series).toEqual({});
  });

  it('drops the values of the previous scrape when the broker cannot be read, rather than repeating them', async () => {
    let fail = false;
    const { gauge } = await scrape(async () => {
      if (fail) throw new Error('RabbitMQ not connected');
      return DEPTHS;
    });
    fail = true;
    expect(await seriesOf(gauge)).toEqual({});
  });

  it('answers within the timeout, empty, when the broker does not answer at all', async () => {
    jest.useFakeTimers();
    try {
      const registry = new Registry();
      const gauge = createQueueDepthGauge(registry, () => new Promise(() => undefined), 2_000);
      const scraped = seriesOf(gauge);
      await jest.advanceTimersByTimeAsync(2_000);
      expect(await scraped).toEqual({});
    } finally {
      jest.useRealTimers();
    }
  });
});
