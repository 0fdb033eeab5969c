import { formatDuration, parseDuration, parseDurationList } from './duration';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['3s', 3_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['0s', 0],
    ['1.5s', 1_500],
    ['0.25h', 900_000],
    [' 3s ', 3_000],
  ])('reads %p as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('rounds to whole milliseconds', () => {
    expect(parseDuration('1.4ms')).toBe(1);
    expect(parseDuration('0.0015s')).toBe(2);
  });

  it.each(['', '3', 's', '-1s', '+1s', '3 s', '3S', '3sec', '3min', '1e3s', '3s5', '3s,4s', '.5s', '5.s', '1h30m', 'Infinity s'])(
    'rejects %p',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('rejects a number too large to be finite', () => {
    expect(parseDuration(`1${'0'.repeat(400)}ms`)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [3_000, '3s'],
    [180_000, '3m'],
    [5_400_000, '90m'],
    [36_000_000, '10h'],
    [86_400_000, '1d'],
    [172_800_000, '2d'],
    [1_500, '1500ms'],
    [250, '250ms'],
    [0, '0ms'],
  ])('renders %i ms as %p, in the largest unit that divides it', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 250, 1_000, 1_500, 3_000, 180_000, 1_800_000, 3_600_000, 36_000_000, 86_400_000, 90_061_001]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});

describe('parseDurationList', () => {
  it('reads the default retry schedule', () => {
    expect(parseDurationList('3s,10s,3m,30m,1h,3h,5h,10h')).toEqual([
      3_000, 10_000, 180_000, 1_800_000, 3_600_000, 10_800_000, 18_000_000, 36_000_000,
    ]);
  });

  it('tolerates spaces and empty items', () => {
    expect(parseDurationList(' 5s , 1m ,, 1h, ')).toEqual([5_000, 60_000, 3_600_000]);
  });

  it('keeps the order given, duplicates included', () => {
    expect(parseDurationList('1m,5s,5s')).toEqual([60_000, 5_000, 5_000]);
  });

  it.each(['', ' ', ',', ' , , '])('gives null for an empty list %p', (text) => {
    expect(parseDurationList(text)).toBeNull();
  });

  it('gives null when any item is malformed', () => {
    expect(parseDurationList('3s,soon,1h')).toBeNull();
    expect(parseDurationList('3s;10s')).toBeNull();
  });
});
