import { randomUUID } from 'node:crypto';
import {
  createApplication,
  createEvent,
  createSubscription,
  type EventFixture,
  type Queryable,
  type SubscriptionFixture,
  type SubscriptionOptions,
} from './factories';

export const DISPATCH_FIXTURE_EVENT_TYPE = 'billing.invoice.paid';

export interface DispatchFixture {
  readonly applicationId: string;
  readonly subs: SubscriptionFixture[];
  readonly event: EventFixture;
}

/**
 * An application with one subscription per entry (listing the fixture's event type unless the entry says otherwise)
 * and one event of that type labelled env=test.
 */
export async function createDispatchFixture(db: Queryable, subscriptions: Partial<SubscriptionOptions>[] = [{}]): Promise<DispatchFixture> {
  const { applicationId } = await createApplication(db);
  const subs: SubscriptionFixture[] = [];
  for (const options of subscriptions) {
    subs.push(
      await createSubscription(db, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [DISPATCH_FIXTURE_EVENT_TYPE], ...options }),
    );
  }
  const event = await createEvent(db, applicationId, { eventTypeName: DISPATCH_FIXTURE_EVENT_TYPE, labels: { env: 'test' } });
  return { applicationId, subs, event };
}

/** A first attempt of the event (of the subscription's application) to the subscription, claimed by `workerName` with a lease of one minute. */
export async function insertClaimedAttempt(db: Queryable, eventId: string, subscriptionId: string, workerName: string): Promise<string> {
  const attemptId = randomUUID();
  await db.query(
    `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, worker_name, picked_at, lease_expires_at)
     SELECT $1, e.event_id, s.subscription_id, e.application_id, 0, 0, $4, now(), now() + interval '1 minute'
       FROM event e JOIN subscription s ON s.application_id = e.application_id AND s.subscription_id = $3 WHERE e.event_id = $2`,
    [attemptId, eventId, subscriptionId, workerName],
  );
  return attemptId;
}
