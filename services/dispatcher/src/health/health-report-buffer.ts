import type { HealthReport } from '@hook0/db';

/** One delivery's outcome, as subscription health counts it. */
export interface DeliveryOutcome {
  readonly subscriptionId: string;
  readonly at: Date;
  readonly succeeded: boolean;
  /** The receiver answered 410 Gone: the subscription is disabled at once. */
  readonly gone: boolean;
  /** The delivery was a probe of a subscription disabled by health. */
  readonly probe: boolean;
}

interface Folded {
  lastSuccessAt: Date | null;
  failures: number;
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  gone: boolean;
  probeFailed: boolean;
}

/**
 * Outcomes gathered between two writes of subscription health, folded per subscription in the order they completed:
 * a success clears the failures before it, so what reaches the database is the streak as it stands.
 */
export class HealthReportBuffer {
  private folded = new Map<string, Folded>();

  add(outcome: DeliveryOutcome): void {
    const entry = this.folded.get(outcome.subscriptionId) ?? empty();
    if (outcome.succeeded) {
      Object.assign(entry, empty(), { lastSuccessAt: outcome.at });
    } else {
      entry.failures += 1;
      entry.firstFailureAt ??= outcome.at;
      entry.lastFailureAt = outcome.at;
      entry.gone ||= outcome.gone;
      entry.probeFailed ||= outcome.probe;
    }
    this.folded.set(outcome.subscriptionId, entry);
  }

  /**
   * Puts back reports that could not be written, as older than anything added since: a later success still clears
   * them, later failures add to them.
   */
  restore(reports: readonly HealthReport[]): void {
    for (const { subscriptionId, ...older } of reports) {
      const newer = this.folded.get(subscriptionId);
      if (newer === undefined) this.folded.set(subscriptionId, { ...older });
      else if (newer.lastSuccessAt === null) {
        newer.lastSuccessAt = older.lastSuccessAt;
        newer.failures += older.failures;
        newer.firstFailureAt = older.firstFailureAt ?? newer.firstFailureAt;
        newer.lastFailureAt ??= older.lastFailureAt;
        newer.gone ||= older.gone;
        newer.probeFailed ||= older.probeFailed;
      }
    }
  }

  get size(): number {
    return this.folded.size;
  }

  /** The reports so far, and an empty buffer for what follows. */
  drain(): HealthReport[] {
    const reports = [...this.folded].map(([subscriptionId, folded]) => ({ subscriptionId, ...folded }));
    this.folded = new Map();
    return reports;
  }
}

function empty(): Folded {
  return { lastSuccessAt: null, failures: 0, firstFailureAt: null, lastFailureAt: null, gone: false, probeFailed: false };
}
