import type { RequestAttemptRow } from '@hook0/db';
import type { RequestAttemptQueryDto } from './request-attempt.dto';
import { nextPageLink, toRequestAttemptView } from './request-attempt.presenter';

const row: RequestAttemptRow = {
  requestAttemptId: '0190a8f2-0000-7000-8000-000000000002',
  eventId: '0190a8f2-1111-7000-8000-000000000001',
  eventTypeName: 'billing.invoice.paid',
  subscriptionId: '5b1d0000-0000-4000-8000-000000000000',
  subscriptionDescription: null,
  createdAt: '2026-05-04T09:12:33.418207Z',
  pickedAt: null,
  failedAt: null,
  succeededAt: null,
  delayUntil: null,
  responseId: null,
  retryCount: 0,
  httpResponseStatus: null,
};
const NOW = new Date('2026-05-04T10:00:00Z');

describe('toRequestAttemptView status', () => {
  it('keeps microseconds in status timestamps', () => {
    expect(toRequestAttemptView(row, NOW).status).toEqual({ type: 'pending', since: '2026-05-04T09:12:33.418207Z' });
    const failed = toRequestAttemptView({ ...row, pickedAt: '2026-05-04T09:12:34.000001Z', failedAt: '2026-05-04T09:12:35.418999Z' }, NOW);
    expect(failed.status).toEqual({ type: 'failed', at: '2026-05-04T09:12:35.418999Z', full_processing_ms: 2000 });
  });

  it('is waiting while delay_until is ahead of now, and pending once it has passed', () => {
    const delayed = { ...row, delayUntil: '2026-05-04T10:00:00.001000Z' };
    expect(toRequestAttemptView(delayed, NOW).status).toEqual({ type: 'waiting', since: row.createdAt, until: delayed.delayUntil });
    expect(toRequestAttemptView(delayed, new Date('2026-05-04T10:00:01Z')).status).toEqual({ type: 'pending', since: row.createdAt });
  });

  it('says inprogress, as Hook0 serializes it, once picked', () => {
    expect(toRequestAttemptView({ ...row, pickedAt: '2026-05-04T09:12:34.000001Z' }, NOW).status).toEqual({
      type: 'inprogress',
      since: '2026-05-04T09:12:34.000001Z',
    });
  });
});

describe('nextPageLink', () => {
  it('carries the given filters in a fixed order, then the cursor, under APP_URL', () => {
    const query = {
      pagination_cursor: 'old',
      'event.event_type_names': 'a.b.c,d.e.f',
      application_id: '7f0e0000-0000-4000-8000-000000000000',
      min_created_at: '2026-01-01T00:00:00+02:00',
    } as RequestAttemptQueryDto;
    expect(nextPageLink('https://api.example.test', query, 'eyJ9==')).toBe(
      '<https://api.example.test/api/v1/request_attempts?application_id=7f0e0000-0000-4000-8000-000000000000' +
        '&min_created_at=2026-01-01T00%3A00%3A00%2B02%3A00&event.event_type_names=a.b.c%2Cd.e.f&pagination_cursor=eyJ9%3D%3D>; rel="next"',
    );
  });
});
