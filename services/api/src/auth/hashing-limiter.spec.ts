import { ProblemError } from '@hook0/core';
import { HashingLimiter, HashingOverloaded } from './hashing-limiter';

/** A stand-in hash that runs until the test finishes it, and records how many ran at once. */
function gauge() {
  let running = 0;
  let peak = 0;
  const finishers: (() => void)[] = [];
  const hash = () =>
    new Promise<string>((resolve) => {
      running += 1;
      peak = Math.max(peak, running);
      finishers.push(() => {
        running -= 1;
        resolve('hashed');
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { hash, settle, finishOne: () => finishers.shift()!(), started: () => finishers.length, peak: () => peak };
}

describe('HashingLimiter', () => {
  it('runs at most `concurrency` hashes at once, the queued ones as slots free up', async () => {
    const limiter = new HashingLimiter({ concurrency: 2, queueSize: 10 });
    const g = gauge();
    const results = Array.from({ length: 8 }, () => limiter.run(g.hash));
    await g.settle();
    expect(g.started()).toBe(2);
    for (let finished = 0; finished < 8; finished += 1) {
      g.finishOne();
      await g.settle();
      expect(g.started()).toBeLessThanOrEqual(2);
    }
    expect(await Promise.all(results)).toEqual(Array(8).fill('hashed'));
    expect(g.peak()).toBe(2);
  });

  it('refuses at once, with 503 ServiceUnavailable and Retry-After, a hash past the running and the queued ones', async () => {
    const limiter = new HashingLimiter({ concurrency: 2, queueSize: 3 });
    const g = gauge();
    const admitted = Array.from({ length: 5 }, () => limiter.run(g.hash));
    const refused = await limiter.run(g.hash).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HashingOverloaded);
    expect(refused).toMatchObject({ problemId: 'ServiceUnavailable', status: 503, headers: { 'Retry-After': '1' } });
    expect(refused).toBeInstanceOf(ProblemError);
    // The refused hash never ran; once one finishes, there is room again.
    await g.settle();
    g.finishOne();
    await g.settle();
    const again = limiter.run(g.hash);
    while (g.started() > 0) {
      g.finishOne();
      await g.settle();
    }
    expect(await Promise.all([...admitted, again])).toEqual(Array(6).fill('hashed'));
    expect(g.peak()).toBe(2);
  });

  it('with no queue, takes only as many as run at once', async () => {
    const limiter = new HashingLimiter({ concurrency: 1, queueSize: 0 });
    const g = gauge();
    const first = limiter.run(g.hash);
    await expect(limiter.run(g.hash)).rejects.toBeInstanceOf(HashingOverloaded);
    await g.settle();
    g.finishOne();
    await expect(first).resolves.toBe('hashed');
    await g.settle();
    await expect(Promise.race([limiter.run(async () => 'next'), g.settle().then(() => 'stuck')])).resolves.toBe('next');
  });

  it('frees the slot of a hash that fails', async () => {
    const limiter = new HashingLimiter({ concurrency: 1, queueSize: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    await new Promise((resolve) => setImmediate(resolve));
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
  });
});
