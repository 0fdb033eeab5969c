export interface PaginationCursor {
  readonly date: string;
  readonly id: string;
}

/** URL-safe base64 with padding of `{"date","id"}` (docs/hook0-compatibility.md "Conventions"). */
export function encodeCursor(cursor: PaginationCursor): string {
  return Buffer.from(JSON.stringify({ date: cursor.date, id: cursor.id }), 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;

/**
 * An RFC 3339 timestamp on a real calendar day, which PostgreSQL takes as it is.
 * `Date.parse` alone accepts `1`, `in 2030` or `2026-02-30T00:00:00Z`, which the database would then refuse.
 */
function isRfc3339(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return year >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

export function decodeCursor(text: string): PaginationCursor | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { date, id } = parsed as Record<string, unknown>;
    if (typeof date !== 'string' || !isRfc3339(date)) return null;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return { date, id };
  } catch {
    return null;
  }
}
