import { readFileSync } from 'node:fs';
import { queueDepth } from '@hook0/testing';
import { FaultWorld } from './fault-world';

/** Minutes of overload; CI runs the full ten. */
const MINUTES = Number(process.env.HOOK0_OVERLOAD_MINUTES ?? 10);
/** The bound this test holds each process to (resident set size). */
const RSS_BOUND_MB = 300;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

describe(`ingest outrunning delivery for ${MINUTES} minutes`, () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await FaultWorld.create();
    await world.startApi();
    await world.startDispatcher({ CONCURRENT: '16' });
    await world.subscribe(1);
  });
  afterAll(() => world.close());

  it(
    'keeps the backlog in RabbitMQ and the memory of the API and the dispatcher bounded',
    async () => {
      world.receiver.respondWith(() => ({ status: 200, delayMs: 250 }));
      const peak = { api: 0, dispatcher: 0 };
      const sampler = setInterval(() => {
        peak.api = Math.max(peak.api, rssMb(world.api!.child.pid!));
        peak.dispatcher = Math.max(peak.dispatcher, rssMb(world.dispatchers[0].child.pid!));
      }, 1_000);
      const deadline = Date.now() + MINUTES * 60_000;
      let accepted = 0;
      try {
        while (Date.now() < deadline) {
          const round = await world.ingest({
            count: 1_000,
            concurrency: 10,
          });
          accepted += round.accepted.length;
        }
      } finally {
        clearInterval(sampler);
      }
      const delivered = world.receiver.requests.length;
      const backlog =
        (await queueDepth(world.amqp.url, `${world.amqp.prefix}.deliver`)) +
        (await queueDepth(world.amqp.url, `${world.amqp.prefix}.dispatch`));
      process.stdout.write(
        `overload ${MINUTES} min: ${accepted} accepted, ${delivered} delivered, ${backlog} messages waiting in RabbitMQ; peak RSS api ${peak.api.toFixed(0)} MB, dispatcher ${peak.dispatcher.toFixed(0)} MB (bound ${RSS_BOUND_MB} MB)\n`,
      );
      expect(accepted).toBeGreaterThan(delivered * 2);
      expect(backlog).toBeGreaterThan(accepted - delivered - 1_000);
      expect(peak.api).toBeLessThan(RSS_BOUND_MB);
      expect(peak.dispatcher).toBeLessThan(RSS_BOUND_MB);
    },
    (MINUTES + 2) * 60_000,
  );
});
