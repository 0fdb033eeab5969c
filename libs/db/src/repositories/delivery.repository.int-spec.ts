import { randomUUID } from 'node:crypto';
import { type Pool } from 'pg';
import { createApplication, createEvent, createSubscription, useTestDataSource, waitFor } from '@hook0/testing';
import { DeliveryRepository, type ClaimOutcome } from './delivery.repository';

const TYPE = 'billing.invoice.paid';

describe('DeliveryRepository.claim', () => {
  const db = useTestDataSource({ applicationName: 'claim-test' });
  let pool: Pool;
  let deliveries: DeliveryRepository;
  let other: DeliveryRepository;

  beforeAll(() => {
    pool = db.pool;
    const settings = { leaseMs: 60_000, earlyToleranceMs: 50, defaultMaxInFlight: 10 };
    deliveries = new DeliveryRepository(db.dataSource, { ...settings, workerName: 'w1' });
    other = new DeliveryRepository(db.dataSource, { ...settings, workerName: 'w2' });
  });

  const claimedId = (claim: ClaimOutcome) => (claim.outcome === 'claimed' ? claim.attempt.attemptId : null);

  /** Pending first attempts of one event, one per subscription; `state` tweaks each row after insertion. */
  async function attempts(count: number, state: string[] = []): Promise<string[]> {
    const { applicationId } = await createApplication(pool);
    const event = await createEvent(pool, applicationId, { eventTypeName: TYPE });
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const { subscriptionId } = await createSubscription(pool, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [TYPE] });
      const id = randomUUID();
      await pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count) VALUES ($1, $2, $3, $4, 0, 0)`,
        [id, event.eventId, subscriptionId, applicationId],
      );
      if (state[i]) await pool.query(`UPDATE request_attempt SET ${state[i]} WHERE request_attempt_id = $1`, [id]);
      ids.push(id);
    }
    return ids;
  }

  it('claims attempts asked for together, each for its caller, with everything needed to send it', async () => {
    const ids = await attempts(3);
    const claims = await Promise.all(ids.map((id) => deliveries.claim(id)));
    expect(claims.map(claimedId)).toEqual(ids);
    const claimed = claims.map((claim) => (claim.outcome === 'claimed' ? claim.attempt : null));
    expect(claimed[0]).toMatchObject({
      retryCount: 0,
      eventTypeName: TYPE,
      targetMethod: 'POST',
      subscriptionEnabled: true,
      payload: expect.any(Buffer),
    });
    const { rows } = await pool.query(
      `SELECT worker_name, lease_expires_at > now() AS leased FROM request_attempt WHERE request_attempt_id = ANY($1)`,
      [ids],
    );
    expect(rows).toEqual(ids.map(() => ({ worker_name: 'w1', leased: true })));
    const [event] = (await pool.query(`SELECT received_at FROM event WHERE event_id = $1`, [claimed[0]?.eventId])).rows;
    expect(claimed[0]?.receivedAt).toEqual(event.received_at);
  });

  it("claims each attempt with its own event's payload when two applications share the event_id", async () => {
    const eventId = randomUUID();
    const ids: Record<string, string> = {};
    for (const name of ['first', 'second']) {
      const { applicationId } = await createApplication(pool);
      await createEvent(pool, applicationId, { eventTypeName: TYPE, eventId, payload: name, contentType: 'text/plain' });
      const { subscriptionId } = await createSubscription(pool, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [TYPE] });
      ids[name] = randomUUID();
      await pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count) VALUES ($1, $2, $3, $4, 0, 0)`,
        [ids[name], eventId, subscriptionId, applicationId],
      );
    }
    const claimed = await Promise.all([deliveries.claim(ids.first), deliveries.claim(ids.second)]);
    expect(claimed.map((claim) => (claim.outcome === 'claimed' ? claim.attempt.payload.toString('utf8') : null))).toEqual([
      'first',
      'second',
    ]);
  });

  it('gives an attempt asked for twice at once to one caller only, whichever worker asks', async () => {
    const [id] = await attempts(1);
    const claims = await Promise.all([deliveries.claim(id), deliveries.claim(id), other.claim(id)]);
    expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.outcome === 'unavailable')).toHaveLength(2);
  });

  it('skips finished, leased and not yet due attempts', async () => {
    const ids = await attempts(4, [
      'succeeded_at = now()',
      `lease_expires_at = now() + interval '1 minute', worker_name = 'other'`,
      `delay_until = now() + interval '1 minute'`,
      `lease_expires_at = now() - interval '1 second', worker_name = 'dead'`,
    ]);
    const claims = await Promise.all(ids.map((id) => deliveries.claim(id)));
    expect(claims.map(claimedId)).toEqual([null, null, null, ids[3]]);
  });

  it('leaves alone a parked attempt it read before a completion handed it over, once that commits', async () => {
    const [parked] = await attempts(1, ['parked_at = now()']);
    const [{ subscription_id: subscriptionId }] = (
      await pool.query(`SELECT subscription_id FROM request_attempt WHERE request_attempt_id = $1`, [parked])
    ).rows;
    const handOver = await pool.connect();
    try {
      await handOver.query('BEGIN');
      await handOver.query(
        `UPDATE request_attempt SET worker_name = 'handed', lease_expires_at = now() + interval '1 minute', parked_at = NULL
          WHERE request_attempt_id = $1`,
        [parked],
      );
      const pulled = deliveries.pullParked(subscriptionId, 1);
      await waitFor(async () => {
        const { rows } = await pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%hook0_claim_attempts%'`,
        );
        return rows.length > 0 ? true : undefined;
      }, 'the pull waiting for the handed-over row');
      await handOver.query('COMMIT');
      expect(await pulled).toEqual([]);
    } finally {
      handOver.release();
    }
    const { rows } = await pool.query(`SELECT worker_name, parked_at FROM request_attempt WHERE request_attempt_id = $1`, [parked]);
    expect(rows).toEqual([{ worker_name: 'handed', parked_at: null }]);
  });
});
