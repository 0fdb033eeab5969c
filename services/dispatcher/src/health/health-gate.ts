import type { HealthTransition } from '@hook0/db';

/**
 * Which subscriptions are disabled by health, as this dispatcher last read them (every check interval) and as its
 * own reports changed them since: a delivery for one of them is held instead of sent. Another dispatcher's
 * change reaches this one within a check interval; a delivery sent meanwhile only reports one more outcome.
 */
export class HealthGate {
  private disabled = new Map<string, Date | null>();

  /** The next probe of a subscription disabled by health; undefined while it is not disabled. */
  disabledUntil(subscriptionId: string): Date | null | undefined {
    return this.disabled.get(subscriptionId);
  }

  replace(disabled: Map<string, Date | null>): void {
    this.disabled = disabled;
  }

  apply(transition: HealthTransition): void {
    if (transition.status === 'disabled') this.disabled.set(transition.subscriptionId, transition.nextProbeAt);
    else this.disabled.delete(transition.subscriptionId);
  }
}
