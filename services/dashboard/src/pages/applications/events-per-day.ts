import type { Schemas } from '../../api/client';

const DAY_MS = 86_400_000;

/** The API reports this for a quota that is not enforced (docs/api.md "Quotas"). */
export const UNLIMITED = 2_147_483_647;

export interface DayRange {
  /** First UTC day, YYYY-MM-DD, inclusive. */
  readonly from: string;
  /** Last UTC day, YYYY-MM-DD, inclusive: today. */
  readonly to: string;
}

export interface DayCount {
  readonly date: string;
  readonly amount: number;
  /** Today's count, still growing. */
  readonly provisional: boolean;
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The `days` UTC days that end today, today included. */
export function lastDays(now: Date, days: number): DayRange {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: utcDay(today - (days - 1) * DAY_MS), to: utcDay(today) };
}

/** One count per day of the range, oldest first: the API leaves out days without events, here they count 0. */
export function everyDay(range: DayRange, rows: readonly Pick<Schemas['EventsPerDay'], 'date' | 'amount'>[]): DayCount[] {
  const amounts = new Map<string, number>();
  for (const row of rows) amounts.set(row.date, (amounts.get(row.date) ?? 0) + row.amount);
  const days: DayCount[] = [];
  for (let at = Date.parse(`${range.from}T00:00:00Z`); utcDay(at) <= range.to; at += DAY_MS) {
    const date = utcDay(at);
    days.push({ date, amount: amounts.get(date) ?? 0, provisional: date === range.to });
  }
  return days;
}

/** A sentence that says what the chart shows, for everyone. */
export function describeDays(days: readonly DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.amount, 0);
  if (total === 0) return `No events received in the last ${days.length} days.`;
  const busiest = days.reduce((best, day) => (day.amount > best.amount ? day : best));
  return `${total} ${total === 1 ? 'event' : 'events'} received in the last ${days.length} days; the busiest day was ${busiest.date} with ${busiest.amount}.`;
}

/** A limit as a person reads it: the API's "not enforced" value means none. */
export function formatLimit(limit: number): string {
  return limit >= UNLIMITED ? 'no limit' : String(limit);
}
