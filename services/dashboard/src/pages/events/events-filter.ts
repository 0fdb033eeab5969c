import type { Schemas } from '../../api/client';

type EventSummary = Pick<Schemas['EventSummary'], 'event_type_name' | 'labels'>;

/**
 * `GET /events` answers an application's 100 most recent events and takes no filter, so the events page filters
 * those here. The filters live in the address (`event_type`, `label=key=value`) so a filtered view can be linked.
 */
export interface EventsFilter {
  readonly eventType: string;
  /** `key=value`; a bare `key` matches any event carrying that label. */
  readonly label: string;
}

export function eventsFilterFromSearch(search: URLSearchParams): EventsFilter {
  return { eventType: search.get('event_type')?.trim() ?? '', label: search.get('label')?.trim() ?? '' };
}

export function searchForEventsFilter(filter: EventsFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.eventType.trim()) search.set('event_type', filter.eventType.trim());
  if (filter.label.trim()) search.set('label', filter.label.trim());
  return search;
}

export function isFiltered(filter: EventsFilter): boolean {
  return filter.eventType !== '' || filter.label !== '';
}

function matchesLabel(labels: Record<string, string>, label: string): boolean {
  if (!label) return true;
  const separator = label.indexOf('=');
  if (separator === -1) return Object.hasOwn(labels, label);
  const key = label.slice(0, separator).trim();
  const value = label.slice(separator + 1).trim();
  return Object.hasOwn(labels, key) && labels[key] === value;
}

export function matchesEventsFilter(event: EventSummary, filter: EventsFilter): boolean {
  if (filter.eventType && event.event_type_name !== filter.eventType) return false;
  return matchesLabel(event.labels, filter.label);
}

/** Labels (or metadata) as `key=value` pairs, sorted by key. */
export function keyValuePairs(map: Record<string, string> | null | undefined): string[] {
  return Object.entries(map ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
}
