import { waitFor } from '@hook0/testing';
import { EVENT_TYPE, FaultWorld, LABELS } from './fault-world';
import { pause, withPostgresStopped } from './outage';

describe('PostgreSQL restarted while events flow', () => {
  let world: FaultWorld;
  let load: (count: number) => ReturnType<FaultWorld['ingest']>;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.startDispatcher();
    await world.subscribe(2);
    load = (count) => world.ingest({ count, concurrency: 5 });
  }, 120_000);
  afterAll(() => world.close());

  it('answers 503 problem+json while it is down, recovers by itself, and delivers every accepted event', async () => {
    world.receiver.respondWith(() => ({ status: 200, delayMs: 50 }));
    const before = await load(150);
    const deliveredBeforeOutage = world.receiver.requests.length;
    const whileDown = await withPostgresStopped(async () => {
      await pause(1_000);
      const response = await fetch(`${world.apiUrl}/api/v1/event`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.tenant.secret}` },
        body: JSON.stringify({
          application_id: world.tenant.applicationId,
          event_type: EVENT_TYPE,
          payload: '{}',
          payload_content_type: 'application/json',
          occurred_at: new Date().toISOString(),
          labels: LABELS,
        }),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        body: await response.json(),
      };
    });
    await waitFor(async () => ((await world.api!.isReady()) ? true : undefined), 'the API to be ready again', 60_000, 250);
    const after = await load(150);
    const accepted = [...before.accepted, ...after.accepted];

    await waitFor(
      async () => (world.ledger.missing(accepted, world.paths).length === 0 ? true : undefined),
      'every accepted event delivered',
      120_000,
      250,
    );
    process.stdout.write(
      `${world.ledger.report('PostgreSQL restart', accepted.length)}; ${deliveredBeforeOutage} of ${2 * before.accepted.length} delivered when PostgreSQL stopped\n`,
    );
    expect(whileDown).toMatchObject({
      status: 503,
      type: expect.stringMatching(/^application\/problem\+json/),
      retryAfter: '5',
      body: { id: 'ServiceUnavailable', status: 503 },
    });
    expect(accepted).toHaveLength(300);
    expect(world.ledger.missing(accepted, world.paths)).toEqual([]);
  }, 240_000);
});
