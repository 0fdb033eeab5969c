export interface AttemptTimestamps {
  readonly createdAt: Date;
  readonly delayUntil: Date | null;
  readonly pickedAt: Date | null;
  readonly succeededAt: Date | null;
  readonly failedAt: Date | null;
}

export type AttemptStatus =
  | { type: 'failed'; at: Date; full_processing_ms: number }
  | { type: 'successful'; at: Date; full_processing_ms: number }
  | { type: 'inprogress'; since: Date }
  | { type: 'waiting'; since: Date; until: Date }
  | { type: 'pending'; since: Date };

/** Hook0's read-time status (docs/hook0-compatibility.md "Request attempts"), including its `inprogress` spelling. */
export function attemptStatus(attempt: AttemptTimestamps, now: Date): AttemptStatus {
  const start = Math.max(attempt.createdAt.getTime(), attempt.delayUntil?.getTime() ?? 0);
  if (attempt.failedAt) return { type: 'failed', at: attempt.failedAt, full_processing_ms: attempt.failedAt.getTime() - start };
  if (attempt.succeededAt) {
    return { type: 'successful', at: attempt.succeededAt, full_processing_ms: attempt.succeededAt.getTime() - start };
  }
  if (attempt.pickedAt) return { type: 'inprogress', since: attempt.pickedAt };
  if (attempt.delayUntil && attempt.delayUntil.getTime() > now.getTime()) {
    return { type: 'waiting', since: attempt.createdAt, until: attempt.delayUntil };
  }
  return { type: 'pending', since: attempt.createdAt };
}
