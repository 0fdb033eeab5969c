import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../session/session-context';
import { attemptsQuery, nextPageCursor, type AttemptFilters } from './attempt-filters';
import { attemptsRefetchInterval, type RequestAttempt } from './attempt-status';

export interface AttemptsPage {
  readonly attempts: RequestAttempt[];
  /** The cursor of the next (older) page, from the answer's Link header; null on a page that was not full. */
  readonly nextCursor: string | null;
}

interface AttemptsPageOptions {
  /** Read the page again while any of its attempts may still change (a page further on stays as it is). */
  readonly pollUnfinished?: boolean;
  /** Read it every 2 s anyway, e.g. while the attempts of a replay are being created. */
  readonly pollAnyway?: boolean;
}

/** One page of `GET /request_attempts` (50, newest first) for these filters. */
export function useAttemptsPage(applicationId: string, filters: AttemptFilters, cursor: string | null, options: AttemptsPageOptions = {}) {
  const api = useApi();
  return useQuery({
    queryKey: ['request-attempts', applicationId, filters, cursor],
    queryFn: async (): Promise<AttemptsPage> => {
      const answer = await api.GET('/request_attempts', { params: { query: attemptsQuery(applicationId, filters, cursor) } });
      const attempts = await unwrap(Promise.resolve(answer));
      return { attempts, nextCursor: nextPageCursor(answer.response.headers.get('Link'), attempts.length) };
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      if (options.pollAnyway) return 2_000;
      return options.pollUnfinished ? attemptsRefetchInterval(query.state.data?.attempts, new Date()) : false;
    },
  });
}
