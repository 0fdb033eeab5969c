import type { ReplayRow } from '@hook0/db';
import type { ReplayCreation } from './replay.service';

export function toReplayView(row: ReplayRow) {
  return {
    replay_id: row.replayId,
    application_id: row.applicationId,
    status: row.status,
    query: {
      from: row.from,
      to: row.to,
      subscription_ids: row.subscriptionIds,
      event_types: row.eventTypes,
      status: row.attemptStatus,
    },
    matched: row.matched,
    events: row.events,
    scheduled: row.scheduled,
    skipped: row.skipped,
    delivered: row.delivered,
    created_at: row.createdAt,
    finished_at: row.finishedAt,
  };
}

export function toReplayCreatedView(creation: ReplayCreation) {
  if (creation.dryRun) return { replay_id: null, matched: creation.matched, events: creation.events, status: 'dry_run' };
  const { replay } = creation;
  return { replay_id: replay.replayId, matched: replay.matched, events: replay.events, status: replay.status };
}
