import { pagerLinks, readPagerState } from './attempt-pager';

const filters = { status: 'failed' };

describe('pagerLinks', () => {
  it('offers only the next page on the first page', () => {
    expect(pagerLinks(filters, null, { previousCursors: [] }, 'c1')).toEqual({
      previous: null,
      first: null,
      next: { search: '?status=failed&pagination_cursor=c1', state: { previousCursors: [''] } },
    });
  });

  it('goes back one page at a time, down to the first page without a cursor', () => {
    const second = pagerLinks(filters, 'c1', { previousCursors: [''] }, 'c2');
    expect(second.previous).toEqual({ search: '?status=failed', state: { previousCursors: [] } });
    expect(second.next).toEqual({ search: '?status=failed&pagination_cursor=c2', state: { previousCursors: ['', 'c1'] } });
    const third = pagerLinks(filters, 'c2', { previousCursors: ['', 'c1'] }, null);
    expect(third).toEqual({
      previous: { search: '?status=failed&pagination_cursor=c1', state: { previousCursors: [''] } },
      first: null,
      next: null,
    });
  });

  it('offers the first page when the way back is unknown (a shared link to a later page)', () => {
    expect(pagerLinks({}, 'c5', { previousCursors: [] }, null)).toEqual({
      previous: null,
      first: { search: '', state: { previousCursors: [] } },
      next: null,
    });
  });
});

describe('readPagerState', () => {
  it('reads the remembered cursors, and nothing from a state it does not know', () => {
    expect(readPagerState({ previousCursors: ['', 'c1'] })).toEqual({ previousCursors: ['', 'c1'] });
    expect(readPagerState(null)).toEqual({ previousCursors: [] });
    expect(readPagerState({ previousCursors: 'x' })).toEqual({ previousCursors: [] });
    expect(readPagerState({ previousCursors: ['a', 3] })).toEqual({ previousCursors: ['a'] });
  });
});
