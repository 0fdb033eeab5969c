import { MicroBatcher } from './micro-batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function recordingBatcher(options: Partial<{ maxBatch: number; maxInFlight: number; fail: (inputs: number[]) => boolean }> = {}) {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const batcher = new MicroBatcher<number, number>(
    async (inputs) => {
      batches.push(inputs);
      await new Promise<void>((resolve) => releases.push(resolve));
      if (options.fail?.(inputs)) throw new Error(`bad ${inputs.join(',')}`);
      return inputs.map((input) => input * 10);
    },
    { maxBatch: options.maxBatch ?? 100, maxInFlight: options.maxInFlight ?? 1, retryAlone: () => true },
  );
  const releaseAll = async () => {
    for (let idle = 0; idle < 3; idle += 1) {
      if (releases.length > 0) idle = 0;
      releases.splice(0).forEach((release) => release());
      await tick();
    }
  };
  return { batcher, batches, releaseAll };
}

describe('MicroBatcher', () => {
  it('runs a lone call on the next tick, and gives each caller its own output', async () => {
    const { batcher, batches, releaseAll } = recordingBatcher();
    const result = batcher.submit(1);
    await tick();
    expect(batches).toEqual([[1]]);
    await releaseAll();
    await expect(result).resolves.toBe(10);
  });

  it('gathers the calls made while a batch runs into the next batch, in order', async () => {
    const { batcher, batches, releaseAll } = recordingBatcher();
    const first = batcher.submit(1);
    await tick();
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    await tick();
    expect(batches).toEqual([[1]]);
    await releaseAll();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await expect(Promise.all([first, ...rest])).resolves.toEqual([10, 20, 30, 40]);
  });

  it('never runs more than maxInFlight batches nor more than maxBatch inputs in one', async () => {
    const { batcher, batches, releaseAll } = recordingBatcher({ maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5, 6, 7].map((n) => batcher.submit(n));
    await tick();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await releaseAll();
    expect(batches).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('keeps inputs with the same key out of one batch: a repeat goes in a later one', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        return inputs;
      },
      { maxBatch: 10, maxInFlight: 1, retryAlone: () => true, key: (n) => String(n % 3) },
    );
    await expect(Promise.all([1, 4, 2, 7, 3].map((n) => batcher.submit(n)))).resolves.toEqual([1, 4, 2, 7, 3]);
    expect(batches).toEqual([[1, 2, 3], [4], [7]]);
  });

  it('lets inputs whose key is null share a batch with anything', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        return inputs;
      },
      { maxBatch: 10, maxInFlight: 1, retryAlone: () => true, key: (n) => (n < 0 ? null : String(n)) },
    );
    await expect(Promise.all([1, -1, 1, -1, -2].map((n) => batcher.submit(n)))).resolves.toEqual([1, -1, 1, -1, -2]);
    expect(batches).toEqual([[1, -1, -1, -2], [1]]);
  });

  it('re-runs a failed batch one input at a time, so only the bad input fails', async () => {
    const { batcher, batches, releaseAll } = recordingBatcher({ fail: (inputs) => inputs.includes(2) });
    const results = [1, 2, 3].map((n) => batcher.submit(n).catch((error: Error) => error.message));
    await tick();
    await releaseAll();
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    await expect(Promise.all(results)).resolves.toEqual([10, 'bad 2', 30]);
  });

  it('fails every caller of a batch when retrying alone would not help', async () => {
    const batcher = new MicroBatcher<number, number>(async () => Promise.reject(new Error('database down')), {
      maxBatch: 10,
      maxInFlight: 1,
      retryAlone: () => false,
    });
    const results = [1, 2].map((n) => batcher.submit(n).catch((error: Error) => error.message));
    await expect(Promise.all(results)).resolves.toEqual(['database down', 'database down']);
  });
});
