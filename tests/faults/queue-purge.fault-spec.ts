import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { queueDepth, waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';

const run = promisify(execFile);

describe('messages lost from RabbitMQ (a queue purged)', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.subscribe(2);
  });
  afterAll(() => world.close());

  it('the reconciler finds the attempts left pending and publishes them again', async () => {
    const vhost = decodeURIComponent(new URL(world.amqp.url).pathname.slice(1));
    world.receiver.respondWith(() => ({ status: 200, delayMs: 100 }));
    await world.startDispatcher({ CONCURRENT: '2', RECONCILE_INTERVAL: '500ms', RECONCILE_STALE_AFTER: '3s' });
    const { accepted } = await world.ingest({
      count: 100,
      concurrency: 10,
    });
    await world.receiver.waitForRequests(10);
    const queue = `${world.amqp.prefix}.deliver`;
    const purged = await queueDepth(world.amqp.url, queue);
    await run('rabbitmqctl', ['-q', 'purge_queue', '-p', vhost, queue]);

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered',
      120_000,
      250,
    );
    process.stdout.write(
      `${world.ledger.report('deliver queue purged', accepted.length)}; ${purged} messages waiting when the queue was purged\n`,
    );
    expect(purged).toBeGreaterThan(0);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
  }, 180_000);

  it('the reconciler finds events whose dispatch message was purged, and they are fanned out and delivered', async () => {
    const vhost = decodeURIComponent(new URL(world.amqp.url).pathname.slice(1));
    await Promise.all(world.dispatchers.splice(0).map((dispatcher) => dispatcher.kill()));
    world.receiver.respondWith(() => ({ status: 200 }));
    const { accepted } = await world.ingest({
      count: 50,
      concurrency: 10,
    });
    const queue = `${world.amqp.prefix}.dispatch`;
    await waitFor(async () => ((await queueDepth(world.amqp.url, queue)) >= 50 ? true : undefined), 'the dispatch messages in their queue');
    await run('rabbitmqctl', ['-q', 'purge_queue', '-p', vhost, queue]);
    await world.startDispatcher({ RECONCILE_INTERVAL: '500ms', RECONCILE_STALE_AFTER: '2s' });

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered',
      60_000,
      250,
    );
    process.stdout.write(`${world.ledger.report('dispatch queue purged', accepted.length)}\n`);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
  }, 120_000);
});
