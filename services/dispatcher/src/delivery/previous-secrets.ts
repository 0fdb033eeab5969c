import type { LiveOverlap } from '@hook0/db';

/** Where the previous secret of a subscription is read (SubscriptionSecretRepository.liveOverlap). */
export interface OverlapSource {
  liveOverlap(subscriptionId: string, currentSecret: string): Promise<LiveOverlap | null>;
}

const DEFAULT_CAPACITY = 10_000;

/**
 * The previous secret to sign with, during a rotation's overlap (docs/security.md "Secret rotation"). A rotation always
 * changes the current secret, which every claim returns, so what the database said for (subscription, current
 * secret) holds until the overlap's end: it is asked once per subscription and rotation, not per delivery. Bounded;
 * the entry used longest ago goes first.
 */
export class PreviousSecrets {
  private readonly known = new Map<string, Promise<LiveOverlap | null>>();

  constructor(
    private readonly source: OverlapSource,
    private readonly now: () => number,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The previous secret, or null when none signs at `now()`. */
  async of(subscriptionId: string, currentSecret: string): Promise<string | null> {
    const key = `${subscriptionId}:${currentSecret}`;
    let overlap = this.known.get(key);
    if (overlap === undefined) {
      overlap = this.source.liveOverlap(subscriptionId, currentSecret);
      // A failed lookup is not remembered: the next delivery asks again.
      overlap.catch(() => this.known.delete(key));
    } else {
      this.known.delete(key);
    }
    this.known.set(key, overlap);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value as string);
    const live = await overlap;
    return live !== null && live.expiresAt.getTime() > this.now() ? live.previousSecret : null;
  }
}
