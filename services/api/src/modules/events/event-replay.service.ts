import { ProblemError } from '@hook0/core';
import type { EventReplayRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';

export interface ReplayHooks {
  /** Called once the replay's outbox row is committed, to get it published without waiting for the next sweep. */
  readonly onQueued: () => void;
}

/**
 * `POST /events/{event_id}/replay` (docs/hook0-compatibility.md "Events", "Retries"): the event goes through dispatch again, so every
 * subscription matching it now (enabled, live, event type and labels) gets a fresh first attempt, retry_count 0.
 * A replay counts as one event of today against the events-per-day quota (docs/hook0-compatibility.md "Quotas"), checked like an ingest.
 */
export class EventReplayService {
  constructor(
    private readonly replays: EventReplayRepository,
    private readonly hooks: ReplayHooks,
    private readonly quotas: QuotaService,
  ) {}

  async replay({ application }: ApplicationGrant, eventId: string): Promise<void> {
    await this.quotas.assertCanIngest(application.applicationId);
    const result = await this.replays.replay(application.applicationId, eventId);
    if (!result.replayed) throw new ProblemError(result.reason === 'not-found' ? 'NotFound' : 'EventReplayLimitReached');
    this.hooks.onQueued();
  }
}
