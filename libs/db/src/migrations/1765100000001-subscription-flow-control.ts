import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-subscription flow control (docs/guarantees.md, "Fair delivery"): a subscription's own cap on deliveries in
 * flight and on deliveries per second, the state shared by every dispatcher to enforce them, and the claim function
 * that applies both. An attempt refused for lack of room is parked in the database (no message, no prefetch, no slot)
 * and pulled again by the completion that frees room; one refused by the rate gets a reserved slot in the future.
 */
export class SubscriptionFlowControl1765100000001 implements MigrationInterface {
  name = 'SubscriptionFlowControl1765100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE subscription
        ADD COLUMN max_in_flight integer CONSTRAINT subscription_max_in_flight_chk CHECK (max_in_flight > 0),
        ADD COLUMN max_deliveries_per_second double precision
          CONSTRAINT subscription_max_deliveries_per_second_chk CHECK (max_deliveries_per_second > 0);
      ALTER TABLE request_attempt ADD COLUMN parked_at timestamptz, ADD COLUMN rate_slot_at timestamptz;

      CREATE TABLE subscription_rate (
        subscription_id uuid PRIMARY KEY REFERENCES subscription (subscription_id) ON DELETE CASCADE,
        -- GCRA's theoretical arrival time: when the next delivery would be due at the subscription's rate.
        tat timestamptz NOT NULL
      );

      CREATE INDEX request_attempt_leased_idx ON request_attempt (subscription_id, lease_expires_at)
        WHERE lease_expires_at IS NOT NULL AND succeeded_at IS NULL AND failed_at IS NULL;
      CREATE INDEX request_attempt_parked_idx ON request_attempt (subscription_id, request_attempt_id)
        WHERE parked_at IS NOT NULL AND succeeded_at IS NULL AND failed_at IS NULL;
    `);
    await runner.query(CLAIM_FUNCTION);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP FUNCTION hook0_claim_attempts(uuid[], uuid[], integer[], text, integer, integer, integer);
      DROP INDEX request_attempt_parked_idx; DROP INDEX request_attempt_leased_idx;
      DROP TABLE subscription_rate;
      ALTER TABLE request_attempt DROP COLUMN rate_slot_at, DROP COLUMN parked_at;
      ALTER TABLE subscription DROP COLUMN max_deliveries_per_second, DROP COLUMN max_in_flight;
    `);
  }
}

/**
 * Claims attempts for one worker. Candidates are the attempts asked for by id that are pending, unleased and due,
 * plus, for each subscription in `p_pull_subscriptions`, its oldest parked attempts (up to the matching count).
 * Each candidate ends in one of three outcomes:
 * - `claimed`: leased to the worker, with everything needed to send it;
 * - `parked`: its subscription already has `max_in_flight` attempts leased; it waits, without a message, to be pulled;
 * - `deferred`: the subscription's rate has no room now; the attempt holds a reserved slot at `due_at`.
 * Candidates not returned were not claimable (finished, leased elsewhere, or not due).
 *
 * The count of leased attempts and the rate state are read under a transaction-scoped advisory lock per
 * subscription, taken in key order before anything is read, so that concurrent claims on any dispatcher see each
 * other's leases: the function's second statement takes its snapshot after the locks are held.
 */
export const CLAIM_FUNCTION = `
CREATE FUNCTION hook0_claim_attempts(
  p_ids uuid[], p_pull_subscriptions uuid[], p_pull_counts integer[],
  p_worker text, p_lease_ms integer, p_tolerance_ms integer, p_default_max_in_flight integer
) RETURNS TABLE (
  outcome text, "attemptId" uuid, "dueAt" timestamptz, "eventId" uuid, "receivedAt" timestamptz,
  "subscriptionId" uuid, "applicationId" uuid, "dispatchRound" smallint, "retryCount" smallint,
  payload bytea, "payloadContentType" text, "eventTypeName" text, "targetMethod" text, "targetUrl" text,
  "targetHeaders" jsonb, secret text, "subscriptionEnabled" boolean, "subscriptionDeletedAt" timestamptz,
  "applicationDeletedAt" timestamptz, "retryScheduleMs" integer[], "maxRetries" integer
) LANGUAGE plpgsql VOLATILE AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(1751920742, k)
     FROM (SELECT DISTINCT hashtext(sub::text) AS k
             FROM (SELECT ra.subscription_id FROM request_attempt ra WHERE ra.request_attempt_id = ANY(p_ids)
                   UNION SELECT unnest(p_pull_subscriptions)) AS subs (sub)) AS keys
    ORDER BY k;

  RETURN QUERY
  WITH requested AS (
    SELECT ra.request_attempt_id AS id, ra.subscription_id AS sub, ra.rate_slot_at
      FROM request_attempt ra
     WHERE ra.request_attempt_id = ANY(p_ids)
       AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
       AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
       AND (ra.delay_until IS NULL OR ra.delay_until <= now() + p_tolerance_ms * interval '1 millisecond')
  ), pulled AS (
    SELECT p.id, p.sub, p.rate_slot_at
      FROM unnest(p_pull_subscriptions, p_pull_counts) AS pull (sub, n)
     CROSS JOIN LATERAL (
       SELECT ra.request_attempt_id AS id, ra.subscription_id AS sub, ra.rate_slot_at
         FROM request_attempt ra
        WHERE ra.subscription_id = pull.sub AND ra.parked_at IS NOT NULL
          AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
          AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
        ORDER BY ra.request_attempt_id
        LIMIT pull.n
     ) AS p
  ), candidate AS (
    SELECT DISTINCT ON (c.id) c.id, c.sub, c.rate_slot_at FROM (SELECT * FROM requested UNION ALL SELECT * FROM pulled) AS c
  ), flow AS (
    SELECT s.subscription_id AS sub,
           coalesce(s.max_in_flight, p_default_max_in_flight)
             - (SELECT count(*) FROM request_attempt h
                 WHERE h.subscription_id = s.subscription_id AND h.lease_expires_at > now()
                   AND h.succeeded_at IS NULL AND h.failed_at IS NULL) AS free,
           s.max_deliveries_per_second AS rate,
           greatest(coalesce(r.tat, now()), now()) AS tat0
      FROM subscription s LEFT JOIN subscription_rate r ON r.subscription_id = s.subscription_id
     WHERE s.subscription_id IN (SELECT sub FROM candidate)
  ), needing_slot AS (
    -- A candidate of a rate-limited subscription needs a new slot unless it holds a reserved one that is due.
    SELECT c.*, f.free, f.rate, f.tat0,
           f.rate IS NOT NULL AND (c.rate_slot_at IS NULL OR c.rate_slot_at > now() + p_tolerance_ms * interval '1 millisecond') AS needs_slot
      FROM candidate c JOIN flow f USING (sub)
  ), slotted AS (
    -- GCRA with a burst of one second's worth: the j-th new slot is due at tat0 + j/rate - (burst - 1)/rate.
    SELECT n.*,
           CASE WHEN n.needs_slot THEN
             n.tat0 + ((row_number() OVER (PARTITION BY n.sub, n.needs_slot ORDER BY n.id) - 1) - (greatest(floor(n.rate), 1) - 1))
                      / n.rate * interval '1 second'
           END AS slot_at
      FROM needing_slot n
  ), rated AS (
    SELECT s.*, NOT s.needs_slot OR s.slot_at <= now() + p_tolerance_ms * interval '1 millisecond' AS may_go
      FROM slotted s
  ), decided AS (
    SELECT r.id, r.sub, r.slot_at,
           CASE WHEN NOT r.may_go THEN 'deferred'
                WHEN row_number() OVER (PARTITION BY r.sub, r.may_go ORDER BY r.id) <= r.free THEN 'claimed'
                ELSE 'parked' END AS decision
      FROM rated r
  ), rate_state AS (
    INSERT INTO subscription_rate (subscription_id, tat)
    SELECT s.sub, max(s.tat0) + count(*) / max(s.rate) * interval '1 second'
      FROM slotted s WHERE s.needs_slot GROUP BY s.sub
    ON CONFLICT (subscription_id) DO UPDATE SET tat = excluded.tat
  ), claimed AS (
    UPDATE request_attempt ra
       SET picked_at = now(), lease_expires_at = now() + p_lease_ms * interval '1 millisecond', worker_name = p_worker,
           parked_at = NULL, rate_slot_at = NULL
      FROM decided d
     WHERE d.decision = 'claimed' AND ra.request_attempt_id = d.id AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
    RETURNING ra.request_attempt_id, ra.event_id, ra.subscription_id, ra.application_id, ra.dispatch_round, ra.retry_count
  ), parked AS (
    UPDATE request_attempt ra SET parked_at = coalesce(ra.parked_at, now()), rate_slot_at = NULL
      FROM decided d
     WHERE d.decision = 'parked' AND ra.request_attempt_id = d.id AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
    RETURNING ra.request_attempt_id, ra.subscription_id
  ), deferred AS (
    UPDATE request_attempt ra SET delay_until = d.slot_at, rate_slot_at = d.slot_at, parked_at = NULL
      FROM decided d
     WHERE d.decision = 'deferred' AND ra.request_attempt_id = d.id AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
    RETURNING ra.request_attempt_id, ra.subscription_id, ra.delay_until
  )
  SELECT 'claimed'::text, c.request_attempt_id, NULL::timestamptz, c.event_id, e.received_at, c.subscription_id, c.application_id,
         c.dispatch_round, c.retry_count, e.payload, e.payload_content_type, e.event_type_name, s.target_method, s.target_url,
         s.target_headers, s.secret::text, s.is_enabled, s.deleted_at, a.deleted_at, s.retry_schedule_ms, s.max_retries
    FROM claimed c
    JOIN event e ON e.event_id = c.event_id AND e.application_id = c.application_id
    JOIN subscription s ON s.subscription_id = c.subscription_id
    JOIN application a ON a.application_id = c.application_id
  UNION ALL
  SELECT 'parked', p.request_attempt_id, NULL, NULL, NULL, p.subscription_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM parked p
  UNION ALL
  SELECT 'deferred', d.request_attempt_id, d.delay_until, NULL, NULL, d.subscription_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM deferred d;
END
$fn$`;
