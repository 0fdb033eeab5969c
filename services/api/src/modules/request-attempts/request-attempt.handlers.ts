import { Reply, type HandlersOf } from '../../http/route';
import { nextPageLink, toRequestAttemptView } from './request-attempt.presenter';
import type { RequestAttemptService } from './request-attempt.service';
import type { requestAttemptRoutes } from './request-attempt.routes';

export interface RequestAttemptHandlerOptions {
  /** Public base URL (APP_URL) for the pagination link. */
  readonly appUrl: string;
}

export function requestAttemptHandlers(
  attempts: RequestAttemptService,
  options: RequestAttemptHandlerOptions,
): HandlersOf<typeof requestAttemptRoutes> {
  return {
    read: async ({ grant, query }) => {
      const page = await attempts.list(grant, query);
      const now = new Date();
      const headers: Record<string, string> = page.nextCursor ? { Link: nextPageLink(options.appUrl, query, page.nextCursor) } : {};
      return new Reply(
        page.attempts.map((row) => toRequestAttemptView(row, now)),
        headers,
      );
    },
    get: async ({ grant, params }) => toRequestAttemptView(await attempts.get(grant, params.request_attempt_id), new Date()),
  };
}
