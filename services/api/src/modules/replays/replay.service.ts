import { ProblemError } from '@hook0/core';
import type { ReplayMatch, ReplayQuery, ReplayRepository, ReplayRow } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { ReplayCreateDto } from './replay.dto';

/** The most deliveries one replay may take; a wider query is refused before anything is written. */
export const MAX_REPLAY_DELIVERIES = 100_000;

export type ReplayCreation = ({ dryRun: true } & ReplayMatch) | { dryRun: false; replay: ReplayRow };

/**
 * Replays by query (docs/api.md "Replays"): the matching (event, subscription) pairs are recorded at creation, counted
 * against the events-per-day quota (one per distinct event, as `POST /events/{id}/replay` counts), and scheduled by the
 * dispatchers at REPLAY_RATE per application.
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
      subscriptionIds: dto.subscription_ids?.map((id) => id.toLowerCase()),
      eventTypes: dto.event_types,
      status: dto.status ?? 'failed',
    };
    const match = await this.replays.count(query);
    if (match.matched > MAX_REPLAY_DELIVERIES) {
      throw new ProblemError(
        'Validation',
        `This replay matches ${match.matched} deliveries; one replay takes at most ${MAX_REPLAY_DELIVERIES}.`,
        {
          from: [
            {
              code: 'replay_too_large',
              message: 'narrow the window or the filters',
              params: { matched: match.matched, max: MAX_REPLAY_DELIVERIES },
            },
          ],
        },
      );
    }
    if (dto.dry_run === true) return { dryRun: true, ...match };
    await this.quotas.assertCanReplay(application.applicationId, match.events);
    return { dryRun: false, replay: await this.replays.create(this.newId(), query) };
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
