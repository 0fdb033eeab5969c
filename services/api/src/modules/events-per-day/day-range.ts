import { ProblemError } from '@hook0/core';
import type { DayRange } from '@hook0/db';

const DAY_MS = 86_400_000;
const DEFAULT_SPAN_DAYS = 30;

/** YYYY-MM-DD of a UTC instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function shiftDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Hook0's defaults: `to` = today (UTC), `from` = `to` − 30 days; `from` after `to` is a 400 InvalidDateRange. */
export function resolveDayRange(from: string | undefined, to: string | undefined, now: Date): DayRange {
  const end = to ?? utcDay(now);
  const start = from ?? shiftDays(end, -DEFAULT_SPAN_DAYS);
  // Same-width YYYY-MM-DD strings order like the days they name.
  if (start > end) throw new ProblemError('InvalidDateRange', `"from" (${start}) is after "to" (${end}).`);
  return { from: start, to: end };
}
