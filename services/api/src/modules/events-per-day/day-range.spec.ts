import { ProblemError } from '@hook0/core';
import { resolveDayRange, utcDay } from './day-range';
import { isCalendarDay } from '@hook0/core';

const NOW = new Date('2026-03-01T23:59:59.999Z');

describe('resolveDayRange (docs/hook0-compatibility.md "Events")', () => {
  it('defaults to the 30 days before today (UTC) through today', () => {
    expect(resolveDayRange(undefined, undefined, NOW)).toEqual({ from: '2026-01-30', to: '2026-03-01' });
  });

  it('counts 30 days back from an explicit "to", across a leap day', () => {
    expect(resolveDayRange(undefined, '2024-03-15', NOW)).toEqual({ from: '2024-02-14', to: '2024-03-15' });
  });

  it('keeps explicit bounds, a single day included', () => {
    expect(resolveDayRange('2025-12-31', '2026-01-02', NOW)).toEqual({ from: '2025-12-31', to: '2026-01-02' });
    expect(resolveDayRange('2026-01-02', '2026-01-02', NOW)).toEqual({ from: '2026-01-02', to: '2026-01-02' });
  });

  it('refuses "from" after "to" with 400 InvalidDateRange, defaults included', () => {
    for (const [from, to] of [
      ['2026-01-03', '2026-01-02'],
      ['2026-03-02', undefined],
    ] as const) {
      let error: unknown;
      try {
        resolveDayRange(from, to, NOW);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ProblemError);
      expect(error).toMatchObject({ problemId: 'InvalidDateRange', status: 400 });
    }
  });

  it('takes "today" in UTC', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00-02:00'))).toBe('2026-03-02');
  });
});

describe('isCalendarDay', () => {
  it.each(['2026-01-01', '2024-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isCalendarDay(value)).toBe(true);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '2026-01-01T00:00:00Z', '0000-01-01', ' 2026-01-01', '', 20260101, null])(
    'refuses %p',
    (value) => {
      expect(isCalendarDay(value)).toBe(false);
    },
  );
});
