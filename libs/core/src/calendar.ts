/** Date and day formats accepted from clients, checked against the real calendar. Pure: no I/O. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Year ≥ 1, and the day exists in that month (`Date.parse` rolls Feb 30 over to March; PostgreSQL refuses it). */
function isRealDay(year: number, month: number, day: number): boolean {
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return year >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/** An RFC 3339 date-time with a timezone, on a real calendar day. */
export function isRfc3339(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = RFC3339.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const ZONED = /^(.+[Tt ]\d{2}:\d{2}:\d{2})(\.\d+)?([+-])(\d{2}):(\d{2})$/;

/**
 * An RFC 3339 date-time (checked by isRfc3339) that PostgreSQL reads as the same instant. RFC 3339 allows offsets up
 * to ±23:59, PostgreSQL's timestamptz input only up to ±15:59: such a time is rewritten in UTC, its fraction kept to
 * the digit (a JavaScript Date would keep milliseconds only). An instant before year 1 becomes year 1's first second,
 * which is before any stored time just the same.
 */
export function inUtc(rfc3339: string): string {
  const match = ZONED.exec(rfc3339);
  if (!match || Number(match[4]) < 16) return rfc3339;
  const [, seconds, fraction = '', sign, hours, minutes] = match;
  const utc = new Date(`${seconds.replace(/[t ]/, 'T')}${sign}${hours}:${minutes}`).toISOString();
  if (utc.startsWith('-') || utc.startsWith('0000')) return '0001-01-01T00:00:00Z';
  return `${utc.replace(/^\+0*/, '').replace(/\.\d{3}Z$/, '')}${fraction}Z`;
}
