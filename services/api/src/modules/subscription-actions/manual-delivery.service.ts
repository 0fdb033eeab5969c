import { ProblemError } from '@hook0/core';
import {
  MIN_RETRY_ROUND,
  type ManualDeliveryRefusal,
  type ManualDeliveryRepository,
  type ManualDeliveryResult,
  type RequestAttemptRepository,
  type RequestAttemptRow,
} from '@hook0/db';
import { currentTraceParent } from '@hook0/observability';
import { v7 as uuidv7 } from 'uuid';
import type { ApplicationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';

export interface ManualDeliveryHooks {
  /** Called once the attempt's outbox row is committed, to get it announced without waiting for the next sweep. */
  readonly onQueued: () => void;
}

const REFUSALS: Record<ManualDeliveryRefusal, () => ProblemError> = {
  'not-found': () => new ProblemError('NotFound'),
  'subscription-disabled': () => new ProblemError('SubscriptionInactive', 'The subscription is disabled; enable it first.'),
  'subscription-deleted': () => new ProblemError('SubscriptionInactive', 'The subscription was deleted.'),
  'still-pending': () => new ProblemError('AttemptStillPending'),
  'round-limit': () =>
    new ProblemError('EventReplayLimitReached', `This delivery was retried ${-MIN_RETRY_ROUND} times, the most one delivery can be.`),
};

/**
 * Deliveries asked for by hand (docs/api.md "Subscription actions"): a retry of one attempt and a test event, each for
 * one subscription only. Each is written with its outbox row in one transaction and sent by the dispatchers like any
 * attempt (signed, retried with backoff, recorded). Each counts as one event of the day against the quota, like a
 * replay (docs/hook0-compatibility.md "Quotas").
 */
export class ManualDeliveryService {
  constructor(
    private readonly deliveries: ManualDeliveryRepository,
    private readonly attempts: RequestAttemptRepository,
    private readonly quotas: QuotaService,
    private readonly hooks: ManualDeliveryHooks,
  ) {}

  async retry({ application }: ApplicationGrant, sourceAttemptId: string): Promise<RequestAttemptRow> {
    const { applicationId } = application;
    await this.quotas.assertCanIngest(applicationId);
    const attemptId = uuidv7();
    const result = await this.deliveries.retry({ applicationId, sourceAttemptId, attemptId, traceParent: currentTraceParent() });
    return this.queued(applicationId, attemptId, result);
  }

  async test({ application }: ApplicationGrant, subscriptionId: string, ip: string | null): Promise<RequestAttemptRow> {
    const { applicationId } = application;
    await this.quotas.assertCanIngest(applicationId);
    const [eventId, attemptId] = [uuidv7(), uuidv7()];
    const payload = Buffer.from(
      JSON.stringify({ application_id: applicationId, subscription_id: subscriptionId, tested_at: new Date().toISOString() }),
    );
    const result = await this.deliveries.test({
      applicationId,
      subscriptionId,
      eventId,
      attemptId,
      payload,
      ip,
      traceParent: currentTraceParent(),
    });
    return this.queued(applicationId, attemptId, result);
  }

  private async queued(applicationId: string, attemptId: string, result: ManualDeliveryResult): Promise<RequestAttemptRow> {
    if (!result.created) throw REFUSALS[result.reason]();
    this.hooks.onQueued();
    const attempt = await this.attempts.findInApplication(applicationId, attemptId);
    if (!attempt) throw new Error('the attempt just written is not there');
    return attempt;
  }
}
