import { createApiMetrics, createLogger, createRegistry } from '@hook0/observability';
import { Housekeeper } from './housekeeper';
import type { ExclusiveRunner, HousekeepingTask, PassOutcome } from './housekeeping-task';

const OUTCOME: PassOutcome = { reported: 5, deleted: 3, details: { mode: 'report_and_delete' } };
const alwaysFree: ExclusiveRunner = async (_key, work) => ({ ran: true, result: await work() });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function setup(runPass: () => Promise<PassOutcome>, exclusive: ExclusiveRunner = alwaysFree) {
  const registry = createRegistry('api');
  const metrics = createApiMetrics(registry);
  const logger = createLogger('api', 'error', true);
  const task: HousekeepingTask = { name: 'old_events', lockKey: 1, periodMs: 1, runPass: jest.fn(runPass) };
  const housekeeper = new Housekeeper([task], exclusive, logger, metrics, { firstPassDelayMs: 0 });
  return { housekeeper, task, metrics, logger };
}

describe('Housekeeper', () => {
  it('counts reported and deleted rows and records the time of the last successful pass', async () => {
    const { housekeeper, metrics } = setup(async () => OUTCOME);

    await housekeeper.runPass('old_events');

    const rows = (await metrics.housekeepingRows.get()).values;
    expect(rows).toContainEqual(expect.objectContaining({ labels: { task: 'old_events', action: 'reported' }, value: 5 }));
    expect(rows).toContainEqual(expect.objectContaining({ labels: { task: 'old_events', action: 'deleted' }, value: 3 }));
    const [last] = (await metrics.housekeepingLastSuccess.get()).values;
    expect(last.labels).toEqual({ task: 'old_events' });
    expect(last.value).toBeGreaterThan(0);
  });

  it('leaves metrics alone when another replica holds the lock', async () => {
    const { housekeeper, metrics, task } = setup(
      async () => OUTCOME,
      async () => ({ ran: false }),
    );

    expect(await housekeeper.runPass('old_events')).toEqual({ ran: false });
    expect(task.runPass).not.toHaveBeenCalled();
    expect((await metrics.housekeepingLastSuccess.get()).values).toEqual([]);
  });

  it('logs a failed pass and tries again at the next period', async () => {
    const second = deferred<void>();
    let calls = 0;
    const { housekeeper, logger } = setup(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection reset');
      second.resolve();
      return OUTCOME;
    });
    const errors = jest.spyOn(logger, 'error');

    housekeeper.start();
    await second.promise;
    await housekeeper.stop();

    expect(errors).toHaveBeenCalledWith(
      'housekeeping.failed',
      expect.objectContaining({ task: 'old_events', errorMessage: 'connection reset' }),
    );
  });

  it('on stop, cancels the timers and waits for the pass under way', async () => {
    const started = deferred<void>();
    const finish = deferred<PassOutcome>();
    const { housekeeper, task } = setup(() => {
      started.resolve();
      return finish.promise;
    });
    housekeeper.start();
    await started.promise;

    let stopped = false;
    const stopping = housekeeper.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish.resolve(OUTCOME);
    await stopping;

    expect(stopped).toBe(true);
    expect(task.runPass).toHaveBeenCalledTimes(1);
  });
});
