/**
 * Delays on stock RabbitMQ: a fixed ladder of wait queues, each with one queue-wide TTL.
 * A message hops down the ladder, each time into the largest tier not above the time it
 * still has to wait, until it is due. Tiers double from the smallest, so a delay shorter
 * than the largest tier is reached in at most `tiers.length` hops (each further stretch of
 * the largest tier costs one more hop) and arrives less than one smallest tier late.
 */
export function buildLadder(smallestTierMs: number, largestTierMs: number): number[] {
  const tiers: number[] = [];
  for (let tier = smallestTierMs; tier <= largestTierMs; tier *= 2) tiers.push(tier);
  return tiers;
}

/** The largest tier not above `delayMs`; the smallest one for a delay below it. */
export function tierFor(tiersAscending: readonly number[], delayMs: number): number {
  let chosen = tiersAscending[0];
  for (const tier of tiersAscending) if (tier <= delayMs) chosen = tier;
  return chosen;
}

/** The tier to wait in next, or null when the message is due now. */
export function nextHop(tiersAscending: readonly number[], remainingMs: number, dueToleranceMs: number): number | null {
  return remainingMs <= dueToleranceMs ? null : tierFor(tiersAscending, remainingMs);
}

/** A tier as wait queues and metric labels write it: `250ms`. */
export function tierName(tierMs: number): string {
  return `${tierMs}ms`;
}
