import { freePort, ServiceProcess, waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';
import { pause, withRabbitMqStopped } from './outage';

const OUTAGE_MS = 30_000;

describe('RabbitMQ stopped for 30 s during steady ingest, and an API started in the middle of it', () => {
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
    let startedDuringOutage: ServiceProcess | undefined;
    let readyDuringOutage: boolean[] = [];
    const during = await withRabbitMqStopped(async () => {
      const started = Date.now();
      const accepted = await load(200);
      // Readiness means "can accept events": an outage of the broker alone leaves the API in the Service.
      const secondPort = await freePort();
      startedDuringOutage = await ServiceProcess.start('api', world.env({ PORT: String(secondPort) }));
      const secondApi = `http://127.0.0.1:${secondPort}`;
      const throughSecond = await world.ingest({ count: 20, concurrency: 2, apiUrl: () => secondApi });
      accepted.accepted.push(...throughSecond.accepted);
      accepted.refused += throughSecond.refused;
      readyDuringOutage = [await world.api!.isReady(), await startedDuringOutage.isReady()];
      // The outage lasts its full length whatever the load took: that is the fault being injected.
      await pause(Math.max(0, OUTAGE_MS - (Date.now() - started)));
      return accepted;
    });
    const after = await load(100);
    const accepted = [...before.accepted, ...during.accepted, ...after.accepted];

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered',
      120_000,
      250,
    );
    process.stdout.write(`${world.ledger.report('RabbitMQ 30 s outage', accepted.length)}\n`);
    expect(during.refused).toBe(0);
    expect(readyDuringOutage).toEqual([true, true]);
    expect(accepted).toHaveLength(420);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
    expect(await world.api!.isReady()).toBe(true);
    for (const dispatcher of world.dispatchers) expect(await dispatcher.isReady()).toBe(true);
    await startedDuringOutage?.kill();
  }, 240_000);
});
