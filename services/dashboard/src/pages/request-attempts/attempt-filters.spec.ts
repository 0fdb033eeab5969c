import {
  attemptsQuery,
  filtersFromSearch,
  isoToLocalInput,
  localInputToIso,
  nextCursorFromLink,
  nextPageCursor,
  searchForFilters,
  STATUS_CHOICES,
} from './attempt-filters';

const APP = '11111111-1111-4111-8111-111111111111';
const SUB = '22222222-2222-4222-8222-222222222222';

describe('filtersFromSearch and searchForFilters', () => {
  it('reads the filters an address carries under the API names, skipping empty ones and the cursor', () => {
    const search = new URLSearchParams(`subscription_id=${SUB}&status=failed&event_id=&pagination_cursor=abc&other=x`);
    expect(filtersFromSearch(search)).toEqual({ subscription_id: SUB, status: 'failed' });
  });

  it('reads the dotted event type filter', () => {
    expect(filtersFromSearch(new URLSearchParams('event.event_type_names=billing.invoice.paid'))).toEqual({
      'event.event_type_names': 'billing.invoice.paid',
    });
  });

  it('writes the first page of a filtered view: filters only, no cursor', () => {
    const search = searchForFilters({ status: 'pending,waiting,inprogress', subscription_id: SUB, event_id: ' ' });
    expect(search.toString()).toBe(`subscription_id=${SUB}&status=pending%2Cwaiting%2Cinprogress`);
    expect(filtersFromSearch(search)).toEqual({ subscription_id: SUB, status: 'pending,waiting,inprogress' });
  });
});

describe('attemptsQuery', () => {
  it('asks for the application, the filters and the cursor of the page', () => {
    expect(attemptsQuery(APP, { status: 'failed' }, 'cur')).toEqual({ application_id: APP, status: 'failed', pagination_cursor: 'cur' });
    expect(attemptsQuery(APP, {}, null)).toEqual({ application_id: APP });
  });
});

describe('nextCursorFromLink', () => {
  it('takes the cursor out of the next link, whatever the host', () => {
    const link = `<https://hooks.example.com/api/v1/request_attempts?application_id=${APP}&status=failed&pagination_cursor=eyJ0IjoiMjAyNiJ9>; rel="next"`;
    expect(nextCursorFromLink(link)).toBe('eyJ0IjoiMjAyNiJ9');
  });

  it('finds the next link among several, with or without quotes', () => {
    expect(nextCursorFromLink('</a?pagination_cursor=p>; rel="prev", </a?pagination_cursor=n>; rel=next')).toBe('n');
  });

  it('answers null on the last page or for a link it cannot read', () => {
    expect(nextCursorFromLink(null)).toBeNull();
    expect(nextCursorFromLink('')).toBeNull();
    expect(nextCursorFromLink('</a?pagination_cursor=p>; rel="prev"')).toBeNull();
    expect(nextCursorFromLink('</a?x=1>; rel="next"')).toBeNull();
    expect(nextCursorFromLink('garbage')).toBeNull();
  });
});

describe('nextPageCursor', () => {
  const link = '</api/v1/request_attempts?pagination_cursor=n>; rel="next"';

  it('offers the next page after a full page only', () => {
    expect(nextPageCursor(link, 50)).toBe('n');
    expect(nextPageCursor(link, 49)).toBeNull();
    expect(nextPageCursor(link, 0)).toBeNull();
    expect(nextPageCursor(null, 50)).toBeNull();
  });
});

describe('STATUS_CHOICES', () => {
  it('offers only values the API accepts', () => {
    const accepted = new Set(['failed', 'successful', 'inprogress', 'waiting', 'pending']);
    for (const { value } of STATUS_CHOICES) {
      if (value) expect(value.split(',').every((part) => accepted.has(part))).toBe(true);
    }
  });
});

describe('datetime-local conversions', () => {
  it('round-trips a minute in the local time zone', () => {
    const iso = localInputToIso('2026-03-01T09:30');
    expect(iso).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(isoToLocalInput(iso)).toBe('2026-03-01T09:30');
  });

  it('treats empty or unreadable values as absent', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('nonsense')).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe('');
    expect(isoToLocalInput('nonsense')).toBe('');
  });
});
