import type { DataSource } from 'typeorm';

export type HealthStatus = 'healthy' | 'failing' | 'disabled';
export type DisabledReason = 'gone' | 'failing';

/** What the deliveries of one subscription did since the last report, in order of completion, folded. */
export interface HealthReport {
  readonly subscriptionId: string;
  /** The last success, if any; failures before it no longer count. */
  readonly lastSuccessAt: Date | null;
  /** Failures after the last success (all of them when there was none). */
  readonly failures: number;
  readonly firstFailureAt: Date | null;
  readonly lastFailureAt: Date | null;
  /** One of those failures was a 410 Gone. */
  readonly gone: boolean;
  /** A probe of the subscription failed: the next one waits twice as long. */
  readonly probeFailed: boolean;
}

export interface HealthPolicy {
  readonly disableAfterMs: number;
  readonly disableMinFailures: number;
  readonly probeIntervalMs: number;
  readonly probeMaxIntervalMs: number;
}

/** A subscription whose status changed with a report. */
export interface HealthTransition {
  readonly subscriptionId: string;
  readonly applicationId: string;
  readonly organizationId: string;
  readonly status: HealthStatus;
  readonly previousStatus: HealthStatus;
  readonly disabledReason: DisabledReason | null;
  readonly nextProbeAt: Date | null;
}

export interface SubscriptionHealth {
  readonly subscriptionId: string;
  readonly status: HealthStatus;
  readonly since: Date;
  readonly consecutiveFailures: number;
  readonly lastSuccessAt: Date | null;
  readonly lastFailureAt: Date | null;
  readonly disabledReason: DisabledReason | null;
  readonly nextProbeAt: Date | null;
}

const PENDING = 'ra.succeeded_at IS NULL AND ra.failed_at IS NULL';

/**
 * Subscription health (docs/guarantees.md, "Subscription health"): failure streaks, disabling, probes, and the
 * attempts held while a subscription is disabled.
 */
export class SubscriptionHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies reports in one transaction: rows are created as needed and locked in key order, so that concurrent
   * reporters add up rather than overwrite. Returns the subscriptions whose status changed.
   */
  async record(reports: readonly HealthReport[], policy: HealthPolicy): Promise<HealthTransition[]> {
    if (reports.length === 0) return [];
    const sorted = [...reports].sort((a, b) => (a.subscriptionId < b.subscriptionId ? -1 : 1));
    return this.dataSource.transaction(async (manager) => {
      const ids = sorted.map((report) => report.subscriptionId);
      await manager.query(
        `INSERT INTO subscription_health (subscription_id)
         SELECT s.subscription_id FROM subscription s WHERE s.subscription_id = ANY($1::uuid[]) ORDER BY 1
         ON CONFLICT (subscription_id) DO NOTHING`,
        [ids],
      );
      // Locked before RECORD runs, so that its snapshot holds every report committed before this one.
      await manager.query(`SELECT 1 FROM subscription_health WHERE subscription_id = ANY($1::uuid[]) ORDER BY subscription_id FOR UPDATE`, [
        ids,
      ]);
      const [rows]: [TransitionRow[], number] = await manager.query(RECORD, [
        ids,
        sorted.map((r) => r.lastSuccessAt),
        sorted.map((r) => r.failures),
        sorted.map((r) => r.firstFailureAt),
        sorted.map((r) => r.lastFailureAt),
        sorted.map((r) => r.gone),
        sorted.map((r) => r.probeFailed),
        policy.disableAfterMs,
        policy.disableMinFailures,
        policy.probeIntervalMs,
        policy.probeMaxIntervalMs,
      ]);
      await manager.query(
        `UPDATE request_attempt ra SET delay_until = h.next_probe_at
           FROM subscription_health h
          WHERE h.subscription_id = ANY($1::uuid[]) AND h.status = 'disabled' AND ra.subscription_id = h.subscription_id
            AND ra.held_at IS NOT NULL AND ${PENDING} AND ra.lease_expires_at IS NULL
            AND ra.delay_until IS DISTINCT FROM h.next_probe_at`,
        [ids],
      );
      return rows.filter((row) => row.changed).map(toTransition);
    });
  }

  /** Every subscription disabled by health, with its next probe. */
  async disabled(): Promise<Map<string, Date | null>> {
    const rows: { subscription_id: string; next_probe_at: Date | null }[] = await this.dataSource.query(
      `SELECT subscription_id, next_probe_at FROM subscription_health WHERE status = 'disabled'`,
    );
    return new Map(rows.map((row) => [row.subscription_id, row.next_probe_at]));
  }

  async find(subscriptionIds: readonly string[]): Promise<Map<string, SubscriptionHealth>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows: HealthRow[] = await this.dataSource.query(
      `SELECT subscription_id, status, since, consecutive_failures, last_success_at, last_failure_at, disabled_reason, next_probe_at
         FROM subscription_health WHERE subscription_id = ANY($1::uuid[])`,
      [subscriptionIds],
    );
    return new Map(rows.map((row) => [row.subscription_id, toHealth(row)]));
  }

  /**
   * Holds a claimed attempt for a subscription disabled by health: its lease is given up, and it waits, due at the
   * next probe. False when this worker no longer holds it.
   */
  async hold(attemptId: string, workerName: string, until: Date | null): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE request_attempt ra
          SET held_at = coalesce(ra.held_at, now()), picked_at = NULL, lease_expires_at = NULL, worker_name = NULL,
              delay_until = coalesce($3, now() + interval '1 hour')
        WHERE ra.request_attempt_id = $1 AND ra.worker_name = $2 AND ${PENDING}`,
      [attemptId, workerName, until],
    );
    return affected > 0;
  }

  /**
   * Takes the disabled subscriptions whose probe is due, pushing their next probe `leaseMs` away so that no other
   * dispatcher probes them meanwhile; for each, the oldest held attempt is made due now (null when none waits).
   */
  async claimDueProbes(limit: number, leaseMs: number): Promise<{ subscriptionId: string; attemptId: string | null }[]> {
    const rows: { subscription_id: string; attempt_id: string | null }[] = await this.dataSource.query(
      `WITH due AS (
         SELECT subscription_id FROM subscription_health
          WHERE status = 'disabled' AND next_probe_at <= now()
          ORDER BY next_probe_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), leased AS (
         UPDATE subscription_health h SET next_probe_at = now() + $2 * interval '1 millisecond'
           FROM due WHERE h.subscription_id = due.subscription_id
         RETURNING h.subscription_id
       ), oldest AS (
         SELECT l.subscription_id,
                (SELECT ra.request_attempt_id FROM request_attempt ra
                  WHERE ra.subscription_id = l.subscription_id AND ra.held_at IS NOT NULL AND ${PENDING}
                    AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
                  ORDER BY ra.created_at, ra.request_attempt_id LIMIT 1) AS attempt_id
           FROM leased l
       ), released AS (
         UPDATE request_attempt ra SET delay_until = now() FROM oldest o WHERE ra.request_attempt_id = o.attempt_id
       )
       SELECT subscription_id, attempt_id FROM oldest`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ subscriptionId: row.subscription_id, attemptId: row.attempt_id }));
  }

  /** The application and organization of a subscription, for the operational events about it; null when it is gone. */
  async ownerOf(subscriptionId: string): Promise<{ applicationId: string; organizationId: string } | null> {
    const rows: { application_id: string; organization_id: string }[] = await this.dataSource.query(
      `SELECT a.application_id, a.organization_id FROM subscription s JOIN application a USING (application_id) WHERE s.subscription_id = $1`,
      [subscriptionId],
    );
    return rows[0] ? { applicationId: rows[0].application_id, organizationId: rows[0].organization_id } : null;
  }

  /** A probe found nothing to send: try again after the subscription's current interval. */
  async postponeProbe(subscriptionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE subscription_health SET next_probe_at = now() + probe_interval_ms * interval '1 millisecond'
        WHERE subscription_id = $1 AND status = 'disabled'`,
      [subscriptionId],
    );
  }

  /**
   * Releases held attempts of subscriptions no longer disabled, up to `perSubscription` each, oldest event first:
   * they become due now, unheld. The caller announces them; one whose announce is lost is found by the reconciler.
   */
  async release(perSubscription: number, subscriptions: number): Promise<string[]> {
    const [rows]: [{ request_attempt_id: string }[], number] = await this.dataSource.query(
      `WITH subs AS (
         SELECT DISTINCT ra.subscription_id FROM request_attempt ra
          WHERE ra.held_at IS NOT NULL AND ${PENDING}
            AND NOT EXISTS (SELECT 1 FROM subscription_health h WHERE h.subscription_id = ra.subscription_id AND h.status = 'disabled')
          LIMIT $2
       ), picked AS (
         SELECT p.request_attempt_id FROM subs CROSS JOIN LATERAL (
           SELECT ra.request_attempt_id FROM request_attempt ra JOIN event e ON e.application_id = ra.application_id AND e.event_id = ra.event_id
            WHERE ra.subscription_id = subs.subscription_id AND ra.held_at IS NOT NULL AND ${PENDING}
              AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
            ORDER BY e.occurred_at, ra.created_at, ra.request_attempt_id
            LIMIT $1 FOR UPDATE OF ra SKIP LOCKED
         ) AS p
       )
       UPDATE request_attempt ra SET held_at = NULL, delay_until = now()
         FROM picked WHERE ra.request_attempt_id = picked.request_attempt_id
       RETURNING ra.request_attempt_id`,
      [perSubscription, subscriptions],
    );
    return rows.map((row) => row.request_attempt_id);
  }
}

/**
 * One UPDATE over rows this transaction already locked: every SET expression reads the row as it was, so the streak,
 * the status and its `since` are decided together. `changed` marks the rows whose status this statement changed.
 */
const RECORD = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::bool[], $7::bool[])
           AS i (subscription_id, last_success_at, failures, first_failure_at, last_failure_at, gone, probe_failed)
), decided AS (
  SELECT h.subscription_id, i.last_success_at, i.failures, i.last_failure_at, i.gone, i.probe_failed, h.status AS old_status,
         CASE WHEN i.last_success_at IS NOT NULL THEN i.failures ELSE h.consecutive_failures + i.failures END AS streak,
         CASE WHEN i.failures = 0 AND i.last_success_at IS NOT NULL THEN NULL
              WHEN i.last_success_at IS NOT NULL THEN i.first_failure_at
              ELSE coalesce(h.failing_since, i.first_failure_at) END AS streak_since
    FROM subscription_health h JOIN input i USING (subscription_id)
), next AS (
  SELECT d.*,
         CASE
           WHEN d.old_status = 'disabled' AND d.last_success_at IS NULL THEN 'disabled'
           WHEN d.gone THEN 'disabled'
           WHEN d.streak >= $9 AND d.streak_since <= now() - $8 * interval '1 millisecond' THEN 'disabled'
           WHEN d.streak > 0 THEN 'failing'
           ELSE 'healthy'
         END AS status
    FROM decided d
)
UPDATE subscription_health h SET
  status = n.status,
  since = CASE WHEN n.status <> n.old_status THEN now() ELSE h.since END,
  consecutive_failures = n.streak,
  failing_since = n.streak_since,
  last_success_at = coalesce(n.last_success_at, h.last_success_at),
  last_failure_at = coalesce(n.last_failure_at, h.last_failure_at),
  disabled_reason = CASE
    WHEN n.status <> 'disabled' THEN NULL
    WHEN n.old_status = 'disabled' THEN h.disabled_reason
    WHEN n.gone THEN 'gone' ELSE 'failing' END,
  probe_interval_ms = CASE
    WHEN n.status <> 'disabled' THEN NULL
    WHEN n.old_status <> 'disabled' THEN $10
    WHEN n.probe_failed THEN least(coalesce(h.probe_interval_ms, $10) * 2, $11)
    ELSE h.probe_interval_ms END,
  next_probe_at = CASE
    WHEN n.status <> 'disabled' THEN NULL
    WHEN n.old_status <> 'disabled' THEN now() + $10 * interval '1 millisecond'
    WHEN n.probe_failed THEN now() + least(coalesce(h.probe_interval_ms, $10) * 2, $11) * interval '1 millisecond'
    ELSE h.next_probe_at END
FROM next n, subscription s, application a
WHERE h.subscription_id = n.subscription_id AND s.subscription_id = h.subscription_id AND a.application_id = s.application_id
RETURNING h.subscription_id, s.application_id, a.organization_id, h.status, n.old_status AS previous_status, h.disabled_reason,
          h.next_probe_at, (h.status <> n.old_status) AS changed`;

interface TransitionRow {
  readonly subscription_id: string;
  readonly application_id: string;
  readonly organization_id: string;
  readonly status: HealthStatus;
  readonly previous_status: HealthStatus;
  readonly disabled_reason: DisabledReason | null;
  readonly next_probe_at: Date | null;
  readonly changed: boolean;
}

interface HealthRow {
  readonly subscription_id: string;
  readonly status: HealthStatus;
  readonly since: Date;
  readonly consecutive_failures: number;
  readonly last_success_at: Date | null;
  readonly last_failure_at: Date | null;
  readonly disabled_reason: DisabledReason | null;
  readonly next_probe_at: Date | null;
}

function toTransition(row: TransitionRow): HealthTransition {
  return {
    subscriptionId: row.subscription_id,
    applicationId: row.application_id,
    organizationId: row.organization_id,
    status: row.status,
    previousStatus: row.previous_status,
    disabledReason: row.disabled_reason,
    nextProbeAt: row.next_probe_at,
  };
}

function toHealth(row: HealthRow): SubscriptionHealth {
  return {
    subscriptionId: row.subscription_id,
    status: row.status,
    since: row.since,
    consecutiveFailures: row.consecutive_failures,
    lastSuccessAt: row.last_success_at,
    lastFailureAt: row.last_failure_at,
    disabledReason: row.disabled_reason,
    nextProbeAt: row.next_probe_at,
  };
}
