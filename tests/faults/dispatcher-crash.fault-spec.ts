import { waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';

describe('a dispatcher killed with SIGKILL mid-delivery', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.subscribe(2);
  });
  afterAll(() => world.close());

  it('loses nothing: the other dispatcher and a new one deliver every accepted event to every subscription', async () => {
    world.receiver.respondWith(() => ({ status: 200, delayMs: 20 }));
    const [victim] = [await world.startDispatcher(), await world.startDispatcher()];
    const killed = world.receiver.waitForRequests(100).then(async () => {
      await victim.kill();
      await world.startDispatcher();
    });

    const { accepted } = await world.ingest({
      count: 400,
      concurrency: 10,
    });
    await killed;

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered to both subscriptions',
      60_000,
      200,
    );
    process.stdout.write(`${world.ledger.report('dispatcher SIGKILL', accepted.length)}\n`);
    expect(accepted).toHaveLength(400);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
    expect(world.ledger.duplicatesKeepTheirIds()).toBe(true);
  }, 120_000);
});
