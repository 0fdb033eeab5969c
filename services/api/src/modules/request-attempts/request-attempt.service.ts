import { decodeCursor, encodeCursor, isRfc3339, ProblemError } from '@hook0/core';
import type { AttemptStatusType, RequestAttemptRepository, RequestAttemptRow } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import type { RequestAttemptQueryDto } from './request-attempt.dto';

export const PAGE_SIZE = 50;

export interface RequestAttemptPage {
  readonly attempts: RequestAttemptRow[];
  /** Cursor after the last row; null for an empty page (which ends the listing). */
  readonly nextCursor: string | null;
}

function parseCursor(text: string): { createdAt: string; requestAttemptId: string } {
  const cursor = decodeCursor(text);
  if (!cursor || !isRfc3339(cursor.date))
    throw new ProblemError('InvalidQueryString', 'pagination_cursor is not a cursor this API issued.');
  return { createdAt: cursor.date, requestAttemptId: cursor.id.toLowerCase() };
}

/** `a, b,,c` → [a, b, c]; undefined when nothing is left. */
function parseNames(text: string | undefined): string[] | undefined {
  const names = text
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names && names.length > 0 ? names : undefined;
}

/** Request attempts (docs/hook0-compatibility.md "Request attempts"), paginated by keyset (docs/hook0-compatibility.md "Conventions"). */
export class RequestAttemptService {
  constructor(private readonly attempts: RequestAttemptRepository) {}

  async list({ application }: ApplicationGrant, query: RequestAttemptQueryDto): Promise<RequestAttemptPage> {
    const attempts = await this.attempts.list({
      applicationId: application.applicationId,
      eventId: query.event_id,
      subscriptionId: query.subscription_id,
      minCreatedAt: query.min_created_at,
      maxCreatedAt: query.max_created_at,
      eventTypeNames: parseNames(query['event.event_type_names']),
      statuses: parseNames(query.status) as AttemptStatusType[] | undefined,
      after: query.pagination_cursor === undefined ? undefined : parseCursor(query.pagination_cursor),
      limit: PAGE_SIZE,
    });
    const last = attempts.at(-1);
    return { attempts, nextCursor: last ? encodeCursor({ date: last.createdAt, id: last.requestAttemptId }) : null };
  }

  async get({ application }: ApplicationGrant, requestAttemptId: string): Promise<RequestAttemptRow> {
    const attempt = await this.attempts.findInApplication(application.applicationId, requestAttemptId);
    if (!attempt) throw new ProblemError('NotFound');
    return attempt;
  }
}
