import { randomBytes } from 'node:crypto';
import amqplib from 'amqplib';
import { Broker, buildTopology } from '@hook0/messaging';
import { createLogger } from '@hook0/observability';
import { requireTestEnv, TEST_ENV } from './test-environment';

/** The run's vhost and a prefix of its own, so test files never see each other's queues. */
export function testAmqp(): { url: string; prefix: string } {
  return { url: requireTestEnv(TEST_ENV.amqpUrl), prefix: `t${randomBytes(4).toString('hex')}` };
}

/**
 * Deletes a test's queues (those of its prefix) when it is done with them. Left to the end of the run, thousands of
 * them (quorum queues among them) would all go with the vhost at once, which stalls the broker for every other run.
 */
export async function deleteQueues(url: string, names: readonly string[]): Promise<void> {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createChannel();
    for (const name of names) await channel.deleteQueue(name);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Messages ready in a queue, read with a passive declare. */
export async function queueDepth(url: string, queue: string): Promise<number> {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    return messageCount;
  } finally {
    await connection.close();
  }
}

/** Takes up to `max` messages off a queue (acking them) and returns their parsed bodies. */
export async function drainQueue(url: string, queue: string, max = 1000): Promise<unknown[]> {
  const connection = await amqplib.connect(url);
  const bodies: unknown[] = [];
  try {
    const channel = await connection.createChannel();
    for (let i = 0; i < max; i += 1) {
      const message = await channel.get(queue, { noAck: true });
      if (!message) break;
      bodies.push(JSON.parse(message.content.toString('utf8')));
    }
  } finally {
    await connection.close();
  }
  return bodies;
}

/**
 * A connected Broker on a fresh prefix of the run's vhost, with a small wait ladder (1 s, 2 s, 4 s). `close` closes it
 * and deletes every queue its topology declared.
 */
export async function startTestBroker(
  connectionName: string,
): Promise<{ broker: Broker; amqp: { url: string; prefix: string }; close(): Promise<void> }> {
  const amqp = testAmqp();
  const topology = buildTopology(amqp.prefix, 1_000, 4_000);
  const broker = new Broker({
    url: amqp.url,
    topology,
    logger: createLogger('test', 'error', true),
    connectionName,
    publishTimeoutMs: 5_000,
  });
  await broker.waitUntilReady(10_000);
  return {
    broker,
    amqp,
    close: async () => {
      await broker.close();
      await deleteQueues(
        amqp.url,
        topology.queues.map((queue) => queue.name),
      );
    },
  };
}
