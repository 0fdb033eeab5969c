/**
 * The request attempts page keeps its filters in the address, under the API's own query parameter names
 * (docs/api.md "Request attempts by status"), so a filtered view can be linked, reloaded and paged.
 */
export const FILTER_NAMES = [
  'event_id',
  'subscription_id',
  'status',
  'event.event_type_names',
  'min_created_at',
  'max_created_at',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type AttemptFilters = Partial<Record<FilterName, string>>;

export const CURSOR_PARAM = 'pagination_cursor';

/** The filters an address carries; empty values count as absent. */
export function filtersFromSearch(search: URLSearchParams): AttemptFilters {
  const filters: AttemptFilters = {};
  for (const name of FILTER_NAMES) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The address of the first page of results for these filters (no cursor). */
export function searchForFilters(filters: AttemptFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) search.set(name, value);
  }
  return search;
}

/** The query of `GET /request_attempts` for one page. */
export function attemptsQuery(applicationId: string, filters: AttemptFilters, cursor: string | null) {
  return cursor ? { application_id: applicationId, ...filters, pagination_cursor: cursor } : { application_id: applicationId, ...filters };
}

/** The cursor of the next page, from the answer's `Link: <…>; rel="next"` header; null on the last page. */
export function nextCursorFromLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    const rel = match && /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2]);
    if (!match || !rel || !rel[1].toLowerCase().split(/\s+/).includes('next')) continue;
    try {
      return new URL(match[1], 'http://link.invalid').searchParams.get(CURSOR_PARAM);
    } catch {
      return null;
    }
  }
  return null;
}

/** `GET /request_attempts` answers 50 attempts a page (docs/hook0-compatibility.md "Conventions"). */
export const PAGE_SIZE = 50;

/**
 * The cursor worth offering as a next page: the API links a next page after every non-empty page, as Hook0 does,
 * but a page shorter than a full one was the last.
 */
export function nextPageCursor(link: string | null, count: number): string | null {
  return count < PAGE_SIZE ? null : nextCursorFromLink(link);
}

export interface StatusChoice {
  readonly value: string;
  readonly label: string;
}

/** What the "Status" select offers: each status the API filters on, and all unfinished ones at once. */
export const STATUS_CHOICES: readonly StatusChoice[] = [
  { value: '', label: 'Any status' },
  { value: 'failed', label: 'Failed' },
  { value: 'successful', label: 'Succeeded' },
  { value: 'pending,waiting,inprogress', label: 'Not finished' },
  { value: 'inprogress', label: 'In progress' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'pending', label: 'Pending' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** An RFC 3339 time as a `datetime-local` input shows it, in this browser's time zone; '' when absent or unreadable. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value (this browser's time zone) as the RFC 3339 UTC time the API takes. */
export function localInputToIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
