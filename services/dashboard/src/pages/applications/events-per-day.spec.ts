import { describeDays, everyDay, formatLimit, lastDays, UNLIMITED } from './events-per-day';

describe('events per day', () => {
  it('spans the given number of UTC days, ending today', () => {
    expect(lastDays(new Date('2024-03-05T23:30:00-02:00'), 30)).toEqual({ from: '2024-02-06', to: '2024-03-06' });
    expect(lastDays(new Date('2024-03-05T00:00:00Z'), 1)).toEqual({ from: '2024-03-05', to: '2024-03-05' });
  });

  it('gives every day of the range a count, 0 where the API has no row, today provisional', () => {
    const days = everyDay({ from: '2024-02-27', to: '2024-03-01' }, [
      { date: '2024-02-28', amount: 4 },
      { date: '2024-03-01', amount: 2 },
    ]);
    expect(days).toEqual([
      { date: '2024-02-27', amount: 0, provisional: false },
      { date: '2024-02-28', amount: 4, provisional: false },
      { date: '2024-02-29', amount: 0, provisional: false },
      { date: '2024-03-01', amount: 2, provisional: true },
    ]);
  });

  it('ignores rows outside the range', () => {
    expect(everyDay({ from: '2024-01-01', to: '2024-01-01' }, [{ date: '2023-12-31', amount: 9 }])).toEqual([
      { date: '2024-01-01', amount: 0, provisional: true },
    ]);
  });

  it('describes the days in a sentence', () => {
    expect(describeDays(everyDay({ from: '2024-01-01', to: '2024-01-03' }, []))).toBe('No events received in the last 3 days.');
    expect(
      describeDays(
        everyDay({ from: '2024-01-01', to: '2024-01-03' }, [
          { date: '2024-01-02', amount: 5 },
          { date: '2024-01-03', amount: 1 },
        ]),
      ),
    ).toBe('6 events received in the last 3 days; the busiest day was 2024-01-02 with 5.');
  });

  it('reads the API value for an unenforced quota as no limit', () => {
    expect(formatLimit(UNLIMITED)).toBe('no limit');
    expect(formatLimit(100)).toBe('100');
  });
});
