import { readFileSync } from 'node:fs';
import { Client } from 'pg';
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

  /**
   * What waits in PostgreSQL (docs/guarantees.md "Back-pressure"): events not published yet (outbox rows) and attempts
   * not finished (parked behind the subscription's max_in_flight, or pending).
   */
  async function waitingInPostgres(): Promise<{ outbox: number; attempts: number }> {
    const db = new Client({ connectionString: world.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ outbox: number; attempts: number }>(
        `SELECT (SELECT count(*)::int FROM event_outbox) AS outbox,
                (SELECT count(*)::int FROM request_attempt WHERE succeeded_at IS NULL AND failed_at IS NULL) AS attempts`,
      );
      return rows[0];
    } finally {
      await db.end();
    }
  }

  it(
    'keeps the backlog in RabbitMQ and PostgreSQL, and the memory of the API and the dispatcher bounded',
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
      const dispatchesWaiting = await queueDepth(world.amqp.url, `${world.amqp.prefix}.dispatch`);
      const deliveriesWaiting = await queueDepth(world.amqp.url, `${world.amqp.prefix}.deliver`);
      const { outbox, attempts } = await waitingInPostgres();
      process.stdout.write(
        `overload ${MINUTES} min: ${accepted} accepted, ${delivered} delivered; waiting: ${outbox} events in the outbox, ${dispatchesWaiting} dispatch messages in RabbitMQ, ${attempts} attempts in PostgreSQL (${deliveriesWaiting} of them announced); peak RSS api ${peak.api.toFixed(0)} MB, dispatcher ${peak.dispatcher.toFixed(0)} MB (bound ${RSS_BOUND_MB} MB)\n`,
      );
      expect(accepted).toBeGreaterThan(delivered * 2);
      // Each undelivered event waits durably: not published yet, not fanned out yet, or as an unfinished attempt.
      expect(outbox + dispatchesWaiting + attempts).toBeGreaterThan(accepted - delivered - 1_000);
      expect(peak.api).toBeLessThan(RSS_BOUND_MB);
      expect(peak.dispatcher).toBeLessThan(RSS_BOUND_MB);
    },
    (MINUTES + 2) * 60_000,
  );
});
