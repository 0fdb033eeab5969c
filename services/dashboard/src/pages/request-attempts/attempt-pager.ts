import { CURSOR_PARAM, searchForFilters, type AttemptFilters } from './attempt-filters';

/**
 * The API pages forward only (a `Link rel="next"` cursor), so the way back is remembered in the history entry's
 * state: the cursors of the pages before this one ('' for the first), which survives a reload but not a shared link.
 */
export interface PagerState {
  readonly previousCursors: readonly string[];
}

export interface PagerLink {
  readonly search: string;
  readonly state: PagerState;
}

export interface PagerLinks {
  readonly previous: PagerLink | null;
  /** Offered instead of `previous` on a page reached by a shared link, whose earlier cursors are unknown. */
  readonly first: PagerLink | null;
  readonly next: PagerLink | null;
}

export function readPagerState(state: unknown): PagerState {
  const cursors = (state as Partial<PagerState> | null)?.previousCursors;
  return { previousCursors: Array.isArray(cursors) ? cursors.filter((c): c is string => typeof c === 'string') : [] };
}

function pageSearch(filters: AttemptFilters, cursor: string): string {
  const search = searchForFilters(filters);
  if (cursor) search.set(CURSOR_PARAM, cursor);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function pagerLinks(filters: AttemptFilters, cursor: string | null, state: PagerState, nextCursor: string | null): PagerLinks {
  const stack = state.previousCursors;
  const next = nextCursor ? { search: pageSearch(filters, nextCursor), state: { previousCursors: [...stack, cursor ?? ''] } } : null;
  if (!cursor) return { previous: null, first: null, next };
  if (stack.length === 0) return { previous: null, first: { search: pageSearch(filters, ''), state: { previousCursors: [] } }, next };
  const previousCursor = stack[stack.length - 1];
  return { previous: { search: pageSearch(filters, previousCursor), state: { previousCursors: stack.slice(0, -1) } }, first: null, next };
}
