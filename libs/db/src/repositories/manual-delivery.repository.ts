import type { EntityManager, DataSource } from 'typeorm';
import { UTC_DAY } from './quota-usage.repository';

/** request_attempt.dispatch_round is a smallint: the lowest round a retry can take. */
export const MIN_RETRY_ROUND = -32_768;

/** The event type of a test delivery; it need not exist in the application (docs/api.md "Subscription actions"). */
export const TEST_EVENT_TYPE = { service: 'hook0', resource: 'subscription', verb: 'tested' } as const;
export const TEST_EVENT_TYPE_NAME = `${TEST_EVENT_TYPE.service}.${TEST_EVENT_TYPE.resource}.${TEST_EVENT_TYPE.verb}`;

export type ManualDeliveryRefusal = 'not-found' | 'subscription-disabled' | 'subscription-deleted' | 'still-pending' | 'round-limit';
export type ManualDeliveryResult = { readonly created: true } | { readonly created: false; readonly reason: ManualDeliveryRefusal };

export interface RetryRequest {
  readonly applicationId: string;
  readonly sourceAttemptId: string;
  readonly attemptId: string;
  readonly traceParent: string | null;
}

export interface TestDeliveryRequest {
  readonly applicationId: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly attemptId: string;
  /** The test event's JSON payload. */
  readonly payload: Buffer;
  readonly ip: string | null;
  readonly traceParent: string | null;
}

const refused = (reason: ManualDeliveryRefusal): ManualDeliveryResult => ({ created: false, reason });

/**
 * Deliveries asked for by hand: one attempt for one subscription, written with the outbox row that announces it in
 * the same transaction, so it is delivered at least once whatever restarts (docs/guarantees.md). The subscription's
 * row is locked first, so a concurrent disable or delete (which fails its pending attempts) either comes before and
 * refuses the request, or after and fails the new attempt too.
 */
export class ManualDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new first attempt (retry_count 0, its own retry schedule) of an attempt's delivery, for that subscription only.
   * It takes a dispatch round below zero, one lower than any the delivery has used, so it cannot collide with the
   * event's own rounds (replays count up from 0) nor be fanned out to anyone else. Counted as a replay of today.
   */
  retry(request: RetryRequest): Promise<ManualDeliveryResult> {
    return this.dataSource.transaction(async (manager) => {
      const [source]: { event_id: string; subscription_id: string }[] = await manager.query(
        `SELECT event_id, subscription_id FROM request_attempt WHERE application_id = $1 AND request_attempt_id = $2`,
        [request.applicationId, request.sourceAttemptId],
      );
      if (!source) return refused('not-found');
      const inactive = await lockActiveSubscription(manager, request.applicationId, source.subscription_id);
      if (inactive) return refused(inactive);
      const [delivery]: { pending: boolean; round: number }[] = await manager.query(
        `SELECT bool_or(succeeded_at IS NULL AND failed_at IS NULL) AS pending, least(coalesce(min(dispatch_round), 0), 0) - 1 AS round
           FROM request_attempt WHERE event_id = $1 AND application_id = $2 AND subscription_id = $3`,
        [source.event_id, request.applicationId, source.subscription_id],
      );
      if (delivery.pending) return refused('still-pending');
      if (delivery.round < MIN_RETRY_ROUND) return refused('round-limit');
      await manager.query(
        `WITH created AS (
           INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
           VALUES ($1, $2, $3, $4, $5, 0)
           RETURNING request_attempt_id, event_id, application_id, dispatch_round
         ), queued AS (
           INSERT INTO event_outbox (event_id, application_id, dispatch_round, request_attempt_id, trace_parent)
           SELECT event_id, application_id, dispatch_round, request_attempt_id, $6 FROM created
         )
         INSERT INTO replayed_events_per_day AS r (application_id, day, amount)
         SELECT application_id, ${UTC_DAY}, 1 FROM created
         ON CONFLICT (application_id, day) DO UPDATE SET amount = r.amount + 1`,
        [request.attemptId, source.event_id, source.subscription_id, request.applicationId, delivery.round, request.traceParent],
      );
      return { created: true };
    });
  }

  /**
   * A `hook0.subscription.tested` event of the application and its one attempt, for this subscription only. The event
   * is stored like any other (listed, readable, counted in the day's events) but is never fanned out: it is written as
   * already dispatched, and its type, created deactivated when the application has none, matches no subscription
   * that did not list it before.
   */
  test(request: TestDeliveryRequest): Promise<ManualDeliveryResult> {
    return this.dataSource.transaction(async (manager) => {
      const inactive = await lockActiveSubscription(manager, request.applicationId, request.subscriptionId);
      if (inactive) return refused(inactive === 'subscription-deleted' ? 'not-found' : inactive);
      await manager.query(
        `INSERT INTO event_type (application_id, event_type_name, service_name, resource_type_name, verb_name, deactivated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (application_id, event_type_name) DO NOTHING`,
        [request.applicationId, TEST_EVENT_TYPE_NAME, TEST_EVENT_TYPE.service, TEST_EVENT_TYPE.resource, TEST_EVENT_TYPE.verb],
      );
      await manager.query(
        `WITH stored AS (
           INSERT INTO event (event_id, application_id, event_type_name, payload, payload_content_type, ip, metadata, labels,
                              occurred_at, dispatched_round)
           SELECT $1, s.application_id, $4, $5, 'application/json', $6, '{}'::jsonb, s.labels, now(), 0
             FROM subscription s WHERE s.subscription_id = $3 AND s.application_id = $2
           RETURNING event_id, application_id
         ), created AS (
           INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
           SELECT $7, event_id, $3, application_id, 0, 0 FROM stored
           RETURNING request_attempt_id, event_id, application_id, dispatch_round
         )
         INSERT INTO event_outbox (event_id, application_id, dispatch_round, request_attempt_id, trace_parent)
         SELECT event_id, application_id, dispatch_round, request_attempt_id, $8 FROM created`,
        [
          request.eventId,
          request.applicationId,
          request.subscriptionId,
          TEST_EVENT_TYPE_NAME,
          request.payload,
          request.ip,
          request.attemptId,
          request.traceParent,
        ],
      );
      return { created: true };
    });
  }
}

/** Locks the subscription's row (see the class comment); the reason it cannot take a delivery, or null. */
async function lockActiveSubscription(
  manager: EntityManager,
  applicationId: string,
  subscriptionId: string,
): Promise<ManualDeliveryRefusal | null> {
  const [row]: { is_enabled: boolean; deleted: boolean }[] = await manager.query(
    `SELECT is_enabled, deleted_at IS NOT NULL AS deleted FROM subscription
      WHERE subscription_id = $1 AND application_id = $2 FOR UPDATE`,
    [subscriptionId, applicationId],
  );
  if (!row) return 'not-found';
  if (row.deleted) return 'subscription-deleted';
  return row.is_enabled ? null : 'subscription-disabled';
}
