import { Client } from 'pg';
import { waitFor } from '@hook0/testing';
import { FaultWorld } from './fault-world';

describe('the API killed with SIGKILL under load', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.startDispatcher();
    await world.subscribe(2);
  });
  afterAll(() => world.close());

  it('delivers every event it answered 201 for, once a replica is back to publish what the dead one left', async () => {
    const crash: { killing?: Promise<void> } = {};
    const { accepted, refused } = await world.ingest({
      count: 600,
      concurrency: 20,
      onAccepted: (count) => {
        if (count === 200) crash.killing = world.api!.kill();
      },
    });
    await crash.killing;
    const db = new Client({ connectionString: world.database.url });
    await db.connect();
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM event_outbox');
    await db.end();
    await world.startApi();

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered to both subscriptions',
      60_000,
      200,
    );
    process.stdout.write(
      `${world.ledger.report('API SIGKILL', accepted.length)}; ${refused} requests refused; ${rows[0].count} outbox rows left by the killed API\n`,
    );
    expect(accepted.length).toBeGreaterThanOrEqual(200);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
  }, 120_000);
});
