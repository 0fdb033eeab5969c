export interface PaginationCursor {
  readonly date: string;
  readonly id: string;
}

/** URL-safe base64 with padding of `{"date","id"}` (HOOK0_API.md §1.5). */
export function encodeCursor(cursor: PaginationCursor): string {
  return Buffer.from(JSON.stringify({ date: cursor.date, id: cursor.id }), 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(text: string): PaginationCursor | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { date, id } = parsed as Record<string, unknown>;
    if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) return null;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return { date, id };
  } catch {
    return null;
  }
}
