import type { Schemas } from '../../api/client';
import { isoToLocalInput, localInputToIso, type AttemptFilters } from './attempt-filters';

export type ReplayStatus = NonNullable<Schemas['ReplayCreateDto']['status']>;

/** What the "Replay failed deliveries" form holds: a window in this browser's time zone, and which deliveries. */
export interface ReplayFormValues {
  readonly from: string;
  readonly to: string;
  readonly status: ReplayStatus;
}

export const REPLAY_STATUS_CHOICES: readonly { readonly value: ReplayStatus; readonly label: string }[] = [
  { value: 'failed', label: 'Failed: the latest finished attempt failed' },
  { value: 'exhausted', label: 'Given up: the latest attempt failed and nothing follows it' },
  { value: 'any', label: 'Every delivery, failed or not' },
];

const minutes = (n: number) => n * 60_000;

/** The last 24 hours, to the minute; the end is the next minute, so the window takes in this minute too. */
export function defaultReplayWindow(now: Date): Pick<ReplayFormValues, 'from' | 'to'> {
  const at = (ms: number) => isoToLocalInput(new Date(now.getTime() + ms).toISOString());
  return { from: at(-minutes(24 * 60)), to: at(minutes(1)) };
}

export type ReplayRequest = { readonly body: Schemas['ReplayCreateDto'] } | { readonly problem: string };

/**
 * The body of `POST /replays` (docs/api.md "Replays"): the form's window and status, narrowed to the subscription
 * and event types the attempts page is filtered on.
 */
export function replayRequest(applicationId: string, values: ReplayFormValues, filters: AttemptFilters, dryRun: boolean): ReplayRequest {
  const from = localInputToIso(values.from);
  const to = localInputToIso(values.to);
  if (!from || !to) return { problem: 'Give both the start and the end of the window.' };
  if (from >= to) return { problem: 'The start of the window must be before its end.' };
  const eventTypes = (filters['event.event_type_names'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  // Filters not given are left out of the body, not sent as null.
  return {
    body: {
      application_id: applicationId,
      from,
      to,
      status: values.status,
      ...(filters.subscription_id ? { subscription_ids: [filters.subscription_id] } : {}),
      ...(eventTypes.length > 0 ? { event_types: eventTypes } : {}),
      dry_run: dryRun,
    },
  };
}
