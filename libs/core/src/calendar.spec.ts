import { inUtc, isRfc3339 } from './calendar';

describe('isRfc3339', () => {
  it.each([
    '2026-05-04T09:12:30Z',
    '2026-05-04t09:12:30.418207z',
    '2026-05-04 09:12:30+02:00',
    '2024-02-29T23:59:59.999999999-23:59',
    '0001-01-01T00:00:00Z',
  ])('accepts %s', (text) => expect(isRfc3339(text)).toBe(true));

  it.each([
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:60:00Z',
    '2026-01-01T00:00:60Z',
    '2026-01-01T00:00:00+24:00',
    '0000-01-01T00:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01',
    'in 2030',
    '1',
  ])('refuses %s', (text) => expect(isRfc3339(text)).toBe(false));

  it('refuses non-strings', () => {
    expect(isRfc3339(1_700_000_000_000)).toBe(false);
    expect(isRfc3339(null)).toBe(false);
  });
});

describe('inUtc', () => {
  it.each([
    ['2026-01-01T00:00:00+23:59', '2025-12-31T00:01:00.000Z'],
    ['2026-01-01T00:00:00-23:59', '2026-01-01T23:59:00.000Z'],
    ['2026-03-01t12:30:00.5z', '2026-03-01T12:30:00.500Z'],
  ])('writes %s as the same instant in UTC', (given, utc) => {
    expect(isRfc3339(given)).toBe(true);
    expect(inUtc(given)).toBe(utc);
  });
});
