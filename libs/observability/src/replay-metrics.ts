import { Counter, Histogram, type Registry } from 'prom-client';

/** Replays by query, as the dispatchers schedule them (docs/api.md "Replays"); no tenant label. */
export interface ReplayMetrics {
  readonly deliveriesScheduled: Counter;
  readonly deliveriesSkipped: Counter;
  readonly replaysCompleted: Counter;
  readonly batchDuration: Histogram;
}

export function createReplayMetrics(registry: Registry): ReplayMetrics {
  const registers = [registry];
  return {
    deliveriesScheduled: new Counter({
      name: 'hook0_replay_deliveries_scheduled_total',
      help: 'Re-deliveries a replay by query gave a first attempt',
      registers,
    }),
    deliveriesSkipped: new Counter({
      name: 'hook0_replay_deliveries_skipped_total',
      help: 'Re-deliveries a replay by query gave up: event gone or mid-dispatch, subscription no longer active',
      registers,
    }),
    replaysCompleted: new Counter({
      name: 'hook0_replays_completed_total',
      help: 'Replays by query that scheduled their last delivery',
      registers,
    }),
    batchDuration: new Histogram({
      name: 'hook0_replay_batch_duration_seconds',
      help: "Duration of one replay batch: one application's items scheduled in one transaction",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
  };
}
