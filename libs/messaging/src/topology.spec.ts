import { buildTopology } from './topology';

describe('buildTopology', () => {
  const topology = buildTopology('hook0', 250, 1_000);

  it('lists every queue for monitoring, labelled without the prefix and by kind', () => {
    expect(topology.queues).toEqual([
      { name: 'hook0.dispatch', label: 'dispatch', kind: 'work' },
      { name: 'hook0.deliver', label: 'deliver', kind: 'work' },
      { name: 'hook0.dead-letters', label: 'dead-letters', kind: 'dead' },
      { name: 'hook0.wait.250ms', label: 'wait.250ms', kind: 'wait' },
      { name: 'hook0.wait.500ms', label: 'wait.500ms', kind: 'wait' },
      { name: 'hook0.wait.1000ms', label: 'wait.1000ms', kind: 'wait' },
    ]);
  });

  it('names the queues it declares as it lists them', () => {
    const declared = [
      topology.dispatchQueue,
      topology.deliverQueue,
      topology.deadLetterQueue,
      ...topology.waitTiers.map((tier) => tier.queue),
    ];
    expect(topology.queues.map((queue) => queue.name)).toEqual(declared);
    expect(topology.waitTiers[0]).toEqual({ ttlMs: 250, queue: 'hook0.wait.250ms', routingKey: 'wait.250' });
  });
});
