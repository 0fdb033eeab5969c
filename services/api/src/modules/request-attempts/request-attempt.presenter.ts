import { attemptStatus } from '@hook0/core';
import type { RequestAttemptRow } from '@hook0/db';
import { API_PREFIX } from '../../app';
import { CARRIED_FILTERS, type RequestAttemptQueryDto } from './request-attempt.dto';

const toDate = (text: string | null) => (text === null ? null : new Date(text));

/** Hook0's read-time status, with the timestamps in the same microsecond text as the attempt's own fields. */
function statusView(row: RequestAttemptRow, now: Date) {
  const status = attemptStatus(
    {
      createdAt: new Date(row.createdAt),
      delayUntil: toDate(row.delayUntil),
      pickedAt: toDate(row.pickedAt),
      succeededAt: toDate(row.succeededAt),
      failedAt: toDate(row.failedAt),
    },
    now,
  );
  switch (status.type) {
    case 'failed':
      return { type: status.type, at: row.failedAt, full_processing_ms: status.full_processing_ms };
    case 'successful':
      return { type: status.type, at: row.succeededAt, full_processing_ms: status.full_processing_ms };
    case 'inprogress':
      return { type: status.type, since: row.pickedAt };
    case 'waiting':
      return { type: status.type, since: row.createdAt, until: row.delayUntil };
    case 'pending':
      return { type: status.type, since: row.createdAt };
  }
}

export function toRequestAttemptView(row: RequestAttemptRow, now: Date) {
  return {
    request_attempt_id: row.requestAttemptId,
    event_id: row.eventId,
    event: { event_id: row.eventId, event_type_name: row.eventTypeName },
    subscription: { subscription_id: row.subscriptionId, description: row.subscriptionDescription },
    created_at: row.createdAt,
    picked_at: row.pickedAt,
    failed_at: row.failedAt,
    succeeded_at: row.succeededAt,
    delay_until: row.delayUntil,
    response_id: row.responseId,
    retry_count: row.retryCount,
    http_response_status: row.httpResponseStatus,
    status: statusView(row, now),
  };
}

/** RFC 8288 link to the next page: the same filters as given, plus the cursor (docs/hook0-compatibility.md "Conventions"). */
export function nextPageLink(appUrl: string, query: RequestAttemptQueryDto, cursor: string): string {
  const params = new URLSearchParams();
  for (const name of CARRIED_FILTERS) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  params.set('pagination_cursor', cursor);
  return `<${appUrl}${API_PREFIX}/request_attempts?${params.toString()}>; rel="next"`;
}
