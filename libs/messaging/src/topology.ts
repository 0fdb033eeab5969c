import type { Options } from 'amqplib';
import { buildLadder, tierName } from '@hook0/core';
import type { QueueKind } from '@hook0/observability';

/** Every exchange, queue, routing key and argument, in one place. */
export interface Topology {
  readonly workExchange: string;
  readonly waitExchange: string;
  readonly deadExchange: string;
  readonly dispatchQueue: string;
  readonly deliverQueue: string;
  readonly deadLetterQueue: string;
  readonly waitTiers: readonly WaitTier[];
  /** Every queue above, for monitoring. */
  readonly queues: readonly TopologyQueue[];
}

export interface WaitTier {
  readonly ttlMs: number;
  readonly queue: string;
  readonly routingKey: string;
}

export interface TopologyQueue {
  readonly name: string;
  /** The name without the prefix: `deliver`, `wait.250ms`. */
  readonly label: string;
  readonly kind: QueueKind;
}

export const ROUTING = { dispatch: 'dispatch', deliver: 'deliver', dead: 'dead' } as const;

/** A poison message goes to the dead-letter queue after this many deliveries (quorum queues count them). */
export const DELIVERY_LIMIT = 20;

export function buildTopology(prefix: string, ladderMinMs: number, ladderMaxMs: number): Topology {
  const queue = (label: string, kind: QueueKind): TopologyQueue => ({ name: `${prefix}.${label}`, label, kind });
  const dispatch = queue('dispatch', 'work');
  const deliver = queue('deliver', 'work');
  const deadLetters = queue('dead-letters', 'dead');
  const ladder = buildLadder(ladderMinMs, ladderMaxMs);
  const waits = ladder.map((ttlMs) => queue(`wait.${tierName(ttlMs)}`, 'wait'));
  return {
    workExchange: `${prefix}.work`,
    waitExchange: `${prefix}.wait`,
    deadExchange: `${prefix}.dead`,
    dispatchQueue: dispatch.name,
    deliverQueue: deliver.name,
    deadLetterQueue: deadLetters.name,
    waitTiers: ladder.map((ttlMs, index) => ({ ttlMs, queue: waits[index].name, routingKey: `wait.${ttlMs}` })),
    queues: [dispatch, deliver, deadLetters, ...waits],
  };
}

export interface Declarator {
  assertExchange(name: string, type: string, options?: Options.AssertExchange): Promise<unknown>;
  assertQueue(name: string, options?: Options.AssertQueue): Promise<unknown>;
  bindQueue(queue: string, exchange: string, key: string): Promise<unknown>;
}

const workQueueArguments = (topology: Topology) => ({
  'x-queue-type': 'quorum',
  'x-delivery-limit': DELIVERY_LIMIT,
  'x-dead-letter-exchange': topology.deadExchange,
  'x-dead-letter-routing-key': ROUTING.dead,
});

/** Declares everything idempotently; each service runs it on every (re)connection. */
export async function declareTopology(channel: Declarator, topology: Topology): Promise<void> {
  await channel.assertExchange(topology.workExchange, 'direct', { durable: true });
  await channel.assertExchange(topology.waitExchange, 'direct', { durable: true });
  await channel.assertExchange(topology.deadExchange, 'direct', { durable: true });

  await channel.assertQueue(topology.dispatchQueue, { durable: true, arguments: workQueueArguments(topology) });
  await channel.bindQueue(topology.dispatchQueue, topology.workExchange, ROUTING.dispatch);
  await channel.assertQueue(topology.deliverQueue, { durable: true, arguments: workQueueArguments(topology) });
  await channel.bindQueue(topology.deliverQueue, topology.workExchange, ROUTING.deliver);
  await channel.assertQueue(topology.deadLetterQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(topology.deadLetterQueue, topology.deadExchange, ROUTING.dead);

  for (const tier of topology.waitTiers) {
    // One queue-wide TTL per queue: RabbitMQ only expires messages at the head, so lengths never mix.
    await channel.assertQueue(tier.queue, {
      durable: true,
      arguments: {
        'x-queue-type': 'classic',
        'x-message-ttl': tier.ttlMs,
        'x-dead-letter-exchange': topology.workExchange,
        'x-dead-letter-routing-key': ROUTING.deliver,
      },
    });
    await channel.bindQueue(tier.queue, topology.waitExchange, tier.routingKey);
  }
}
