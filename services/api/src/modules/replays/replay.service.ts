import { ProblemError } from '@hook0/core';
import type { ReplayMatch, ReplayQuery, ReplayRepository, ReplayRow } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { ReplayCreateDto } from './replay.dto';

/** The most deliveries one replay may take; a wider query is refused and nothing of it is kept. */
export const MAX_REPLAY_DELIVERIES = 100_000;

export type ReplayCreation = ({ dryRun: true } & ReplayMatch) | { dryRun: false; replay: ReplayRow };

/**
 * Replays by query (docs/api.md "Replays"): the matching (event, subscription) pairs are recorded at creation, in the
 * transaction that checks their size and the events-per-day quota (one per distinct event, as `POST /events/{id}/replay`
 * counts), so a refused replay leaves nothing; the dispatchers then schedule them at REPLAY_RATE per application.
 */
export class ReplayService {
  constructor(
    private readonly replays: ReplayRepository,
    private readonly quotas: QuotaService,
    private readonly newId: () => string,
  ) {}

  async create({ application }: ApplicationGrant, dto: ReplayCreateDto): Promise<ReplayCreation> {
    if (Date.parse(dto.from) >= Date.parse(dto.to)) throw new ProblemError('InvalidDateRange', '"from" must be before "to".');
    const query: ReplayQuery = {
      applicationId: application.applicationId,
      from: dto.from,
      to: dto.to,
      subscriptionIds: dto.subscription_ids ?? undefined,
      eventTypes: dto.event_types ?? undefined,
      status: dto.status ?? 'failed',
    };
    if (dto.dry_run === true) {
      const match = await this.replays.count(query);
      refuseTooLarge(match);
      return { dryRun: true, ...match };
    }
    const replay = await this.replays.create(this.newId(), query, MAX_REPLAY_DELIVERIES, async (match) => {
      refuseTooLarge(match);
      await this.quotas.assertCanReplay(application.applicationId, match.events);
    });
    return { dryRun: false, replay };
  }

  async get({ application }: ApplicationGrant, replayId: string): Promise<ReplayRow> {
    const replay = await this.replays.find(application.applicationId, replayId);
    if (!replay) throw new ProblemError('NotFound');
    return replay;
  }

  async cancel({ application }: ApplicationGrant, replayId: string): Promise<ReplayRow> {
    const replay = await this.replays.cancel(application.applicationId, replayId);
    if (!replay) throw new ProblemError('NotFound');
    if (replay.status === 'completed') throw new ProblemError('ReplayFinished');
    return replay;
  }
}

function refuseTooLarge(match: ReplayMatch): void {
  if (match.matched <= MAX_REPLAY_DELIVERIES) return;
  throw new ProblemError('Validation', `This replay matches more than ${MAX_REPLAY_DELIVERIES} deliveries, the most one replay takes.`, {
    from: [{ code: 'replay_too_large', message: 'narrow the window or the filters', params: { max: MAX_REPLAY_DELIVERIES } }],
  });
}
