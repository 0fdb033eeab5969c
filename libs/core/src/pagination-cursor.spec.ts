import { decodeCursor, encodeCursor } from './pagination-cursor';

const CURSOR = { date: '2026-05-04T09:12:33.418207Z', id: '0190a8f2-1111-7000-8000-000000000001' };

/** The url-safe alphabet with padding that Hook0 uses (docs/hook0-compatibility.md "Conventions"). */
function urlSafeWithPadding(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

describe('encodeCursor', () => {
  it('is url-safe base64 of {"date","id"}, padding kept', () => {
    const encoded = encodeCursor(CURSOR);
    const json = '{"date":"2026-05-04T09:12:33.418207Z","id":"0190a8f2-1111-7000-8000-000000000001"}';
    expect(json.length % 3).not.toBe(0);
    expect(encoded).toBe(urlSafeWithPadding(json));
    expect(encoded).toMatch(/={1,2}$/);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(json);
  });

  it('writes only date and id, in that order', () => {
    const encoded = encodeCursor({ ...CURSOR, extra: 'x' } as typeof CURSOR);
    expect(Object.keys(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')))).toEqual(['date', 'id']);
  });

  it('uses - and _ instead of + and /', () => {
    // "?" and "~" end in the 6-bit groups 63 and 62, which standard base64 writes as "/" and "+".
    const encoded = encodeCursor({ date: '???~~~', id: CURSOR.id });
    expect(encoded).toContain('-');
    expect(encoded).toContain('_');
    expect(encoded).not.toMatch(/[+/]/);
  });
});

describe('decodeCursor', () => {
  it('round-trips an encoded cursor', () => {
    expect(decodeCursor(encodeCursor(CURSOR))).toEqual(CURSOR);
    const nil = { date: '2026-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' };
    expect(decodeCursor(encodeCursor(nil))).toEqual(nil);
  });

  it('reads the - and _ alphabet', () => {
    const json = `{"date":"${CURSOR.date}","id":"${CURSOR.id}","note":"???~~~"}`;
    const text = urlSafeWithPadding(json);
    expect(text).toMatch(/-/);
    expect(text).toMatch(/_/);
    expect(decodeCursor(text)).toEqual(CURSOR);
  });

  it('rejects the same cursor written in the standard alphabet', () => {
    const json = `{"date":"${CURSOR.date}","id":"${CURSOR.id}","note":"???~~~"}`;
    expect(decodeCursor(Buffer.from(json).toString('base64'))).toBeNull();
  });

  it.each([
    '2026-05-04T09:12:33Z',
    '2026-05-04T09:12:33.418207Z',
    '2026-05-04T09:12:33.418207+02:00',
    '2026-05-04T09:12:33-05:30',
    '2024-02-29T23:59:59.999999Z',
  ])('accepts the RFC 3339 date %p as written', (date) => {
    expect(decodeCursor(encodeCursor({ date, id: CURSOR.id }))).toEqual({ date, id: CURSOR.id });
  });

  it.each([
    ['a bare number', '1'],
    ['prose with a year', 'in 2030'],
    ['a date without time', '2026-05-04'],
    ['a space instead of T', '2026-05-04 09:12:33Z'],
    ['no zone', '2026-05-04T09:12:33'],
    ['an HTTP-date', 'Mon, 04 May 2026 09:12:33 GMT'],
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-05-04T24:00:00Z'],
    ['second 60', '2026-05-04T09:12:60Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['an out-of-range offset', '2026-05-04T09:12:33+99:00'],
  ])('returns null for a date with %s', (_label, date) => {
    expect(decodeCursor(encodeCursor({ date, id: CURSOR.id }))).toBeNull();
  });

  it('accepts an upper-case uuid, as Postgres does', () => {
    const upper = { date: CURSOR.date, id: CURSOR.id.toUpperCase() };
    expect(decodeCursor(encodeCursor(upper))).toEqual(upper);
  });

  it.each([
    ['the empty string', ''],
    ['text with spaces', 'not a cursor'],
    ['a character outside the alphabet', 'eyJk*XRlIjoi'],
    ['padding in the middle', 'ey==Jk'],
    ['too much padding', `${encodeCursor(CURSOR)}===`],
    ['base64 of plain text', urlSafeWithPadding('hello cursor')],
    ['base64 of truncated JSON', urlSafeWithPadding('{"date":"2026-05-04T09:12:33Z","id":')],
    ['base64 of a JSON array', urlSafeWithPadding(JSON.stringify([CURSOR.date, CURSOR.id]))],
    ['base64 of JSON null', urlSafeWithPadding('null')],
    ['base64 of a JSON string', urlSafeWithPadding('"cursor"')],
    ['a missing id', urlSafeWithPadding(JSON.stringify({ date: CURSOR.date }))],
    ['a missing date', urlSafeWithPadding(JSON.stringify({ id: CURSOR.id }))],
    ['an invalid uuid', urlSafeWithPadding(JSON.stringify({ date: CURSOR.date, id: 'not-a-uuid' }))],
    ['a uuid without hyphens', urlSafeWithPadding(JSON.stringify({ date: CURSOR.date, id: CURSOR.id.replace(/-/g, '') }))],
    ['a uuid with extra text', urlSafeWithPadding(JSON.stringify({ date: CURSOR.date, id: `${CURSOR.id}'--` }))],
    ['a numeric id', urlSafeWithPadding(JSON.stringify({ date: CURSOR.date, id: 42 }))],
    ['an unparsable date', urlSafeWithPadding(JSON.stringify({ date: 'yesterday', id: CURSOR.id }))],
    ['a numeric date', urlSafeWithPadding(JSON.stringify({ date: 1_700_000_000_000, id: CURSOR.id }))],
  ])('returns null for %s', (_label, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
