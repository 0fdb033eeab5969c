import type { ReplayBatch, ReplaySchedulerRepository } from '@hook0/db';
import { createLogger, createRegistry, createReplayMetrics } from '@hook0/observability';
import { ReplayScheduler } from './replay-scheduler';

type Repository = Pick<ReplaySchedulerRepository, 'applicationsWithRunningReplays' | 'scheduleBatch'>;

function schedulerWith(batches: Record<string, ReplayBatch>) {
  const registry = createRegistry('test');
  const published: string[] = [];
  const asked: string[] = [];
  const repository: Repository = {
    applicationsWithRunningReplays: () => Promise.resolve(Object.keys(batches)),
    scheduleBatch: (applicationId) => {
      asked.push(applicationId);
      return Promise.resolve(batches[applicationId]);
    },
  };
  const scheduler = new ReplayScheduler(
    repository as ReplaySchedulerRepository,
    { deliver: (attemptId) => Promise.resolve(void published.push(attemptId)) },
    createReplayMetrics(registry),
    createLogger('test', 'error', true),
    { ratePerSecond: 10, intervalMs: 1000, maxApplications: 10, maxBatch: 100, newId: () => 'id', now: () => 0 },
  );
  return { scheduler, published, asked, registry };
}

/** The replay pass (docs/api.md "Replays"): one batch per application, its attempts announced once committed. */
describe('ReplayScheduler', () => {
  it('takes one batch per application and announces every attempt scheduled, counting them', async () => {
    const { scheduler, published, asked, registry } = schedulerWith({
      a: { locked: true, scheduled: [{ attemptId: 'a1' }, { attemptId: 'a2' }], skipped: 1, completed: 1 },
      b: { locked: true, scheduled: [{ attemptId: 'b1' }], skipped: 0, completed: 0 },
    });
    expect(await scheduler.runOnce()).toBe(3);
    expect(asked).toEqual(['a', 'b']);
    expect(published.sort()).toEqual(['a1', 'a2', 'b1']);
    const value = async (name: string) => (await registry.getSingleMetric(name)!.get()).values[0].value;
    expect(await value('hook0_replay_deliveries_scheduled_total')).toBe(3);
    expect(await value('hook0_replay_deliveries_skipped_total')).toBe(1);
    expect(await value('hook0_replays_completed_total')).toBe(1);
  });

  it('leaves an application another dispatcher holds', async () => {
    const { scheduler, published } = schedulerWith({ a: { locked: false, scheduled: [], skipped: 0, completed: 0 } });
    expect(await scheduler.runOnce()).toBe(0);
    expect(published).toEqual([]);
  });
});
