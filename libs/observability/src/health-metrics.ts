import { Counter, Gauge, type Registry } from 'prom-client';

/** Subscription health (docs/guarantees.md "Subscription health"); never labelled by subscription or tenant. */
export interface HealthMetrics {
  readonly transitions: Counter<'status' | 'reason'>;
  readonly deliveriesHeld: Counter;
  readonly probes: Counter;
  readonly deliveriesReleased: Counter;
  readonly subscriptionsDisabled: Gauge;
}

export function createHealthMetrics(registry: Registry): HealthMetrics {
  const registers = [registry];
  const transitions = new Counter({
    name: 'hook0_subscription_health_transitions_total',
    help: 'Subscriptions entering a health status, with the reason of a disabling (gone, failing) or none',
    labelNames: ['status', 'reason'],
    registers,
  });
  for (const [status, reason] of [
    ['healthy', 'none'],
    ['failing', 'none'],
    ['disabled', 'gone'],
    ['disabled', 'failing'],
  ])
    transitions.inc({ status, reason }, 0);
  return {
    transitions,
    deliveriesHeld: new Counter({
      name: 'hook0_deliveries_held_total',
      help: 'Deliveries held, not sent, because their subscription is disabled by health',
      registers,
    }),
    probes: new Counter({ name: 'hook0_subscription_probes_total', help: 'Probes of subscriptions disabled by health', registers }),
    deliveriesReleased: new Counter({
      name: 'hook0_deliveries_released_total',
      help: 'Held deliveries released to a recovered subscription',
      registers,
    }),
    subscriptionsDisabled: new Gauge({
      name: 'hook0_subscriptions_disabled',
      help: 'Subscriptions disabled by health, as this dispatcher last read them',
      registers,
    }),
  };
}
