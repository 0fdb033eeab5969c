import { freeServicePort, ServiceProcess, waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';

describe('a rolling deployment (SIGTERM, one replica at a time) under load', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.startDispatcher();
    await world.startDispatcher();
    await world.subscribe(2);
  });
  afterAll(() => world.close());

  it('refuses no request, exits 0 everywhere and loses nothing', async () => {
    world.receiver.respondWith(() => ({ status: 200, delayMs: 20 }));
    let apiUrl = world.apiUrl;
    const exitCodes: (number | null)[] = [];
    const load = world.ingest({
      apiUrl: () => apiUrl,
      count: 600,
      concurrency: 10,
    });

    await world.receiver.waitForRequests(100);
    for (const old of world.dispatchers.splice(0, 2)) {
      await world.startDispatcher();
      exitCodes.push(await old.terminate());
    }
    const port = await freeServicePort();
    const replacement = await ServiceProcess.start('api', world.env({ PORT: String(port) }));
    const old = world.api!;
    world.api = replacement;
    apiUrl = `http://127.0.0.1:${port}`;
    exitCodes.push(await old.terminate());

    const { accepted, refused } = await load;
    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered',
      60_000,
      200,
    );
    process.stdout.write(`${world.ledger.report('rolling restart', accepted.length)}; ${refused} requests refused\n`);
    expect(exitCodes).toEqual([0, 0, 0]);
    expect(refused).toBe(0);
    expect(accepted).toHaveLength(600);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
  }, 180_000);
});
