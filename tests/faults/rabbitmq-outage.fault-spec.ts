import { waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';
import { pause, withRabbitMqStopped } from './outage';

const OUTAGE_MS = 30_000;

describe('RabbitMQ stopped for 30 s during steady ingest', () => {
  let world: FaultWorld;
  let load: (count: number) => ReturnType<FaultWorld['ingest']>;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.startDispatcher();
    await world.startDispatcher();
    await world.subscribe(2);
    load = (count) => world.ingest({ count, concurrency: 5 });
  }, 120_000);
  afterAll(() => world.close());

  it('keeps accepting from PostgreSQL alone, then everyone reconnects by themselves and delivers everything', async () => {
    const before = await load(100);
    const during = await withRabbitMqStopped(async () => {
      const started = Date.now();
      const accepted = await load(200);
      // The outage lasts its full length whatever the load took: that is the fault being injected.
      await pause(Math.max(0, OUTAGE_MS - (Date.now() - started)));
      return accepted;
    });
    const after = await load(100);
    const accepted = [...before.accepted, ...during.accepted, ...after.accepted];

    await waitFor(async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined), 'every accepted event delivered', 120_000, 250);
    process.stdout.write(`${world.ledger.report('RabbitMQ 30 s outage', accepted.length)}\n`);
    expect(during.refused).toBe(0);
    expect(accepted).toHaveLength(400);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
    expect(await world.api!.isReady()).toBe(true);
    for (const dispatcher of world.dispatchers) expect(await dispatcher.isReady()).toBe(true);
  }, 240_000);
});
