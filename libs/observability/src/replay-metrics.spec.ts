import { createRegistry } from './metrics';
import { createReplayMetrics } from './replay-metrics';

describe('replay metrics', () => {
  it('are these, on the dispatcher registry, with no label (no tenant)', async () => {
    const registry = createRegistry('dispatcher');
    createReplayMetrics(registry);
    const own = (await registry.getMetricsAsJSON()).filter((metric) => metric.name.startsWith('hook0_'));
    expect(Object.fromEntries(own.map((metric) => [metric.name, metric.type]))).toEqual({
      hook0_replay_deliveries_scheduled_total: 'counter',
      hook0_replay_deliveries_skipped_total: 'counter',
      hook0_replays_completed_total: 'counter',
      hook0_replay_batch_duration_seconds: 'histogram',
    });
  });
});
