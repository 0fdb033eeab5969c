import { nextDelayMs, parseRetryAfter, retryPolicy } from './retry-policy';

describe('retryPolicy', () => {
  it('fills defaults and clamps what it is given', () => {
    expect(retryPolicy()).toEqual({ maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 2000, maxTotalDelayMs: 5000 });
    expect(retryPolicy({ maxAttempts: 0, initialBackoffMs: -5, maxBackoffMs: 10.7, maxTotalDelayMs: Number.NaN })).toEqual({
      maxAttempts: 1,
      initialBackoffMs: 0,
      maxBackoffMs: 10,
      maxTotalDelayMs: 0,
    });
    expect(retryPolicy({ maxAttempts: Number.POSITIVE_INFINITY }).maxAttempts).toBe(16);
    expect(retryPolicy({ maxAttempts: 17 }).maxAttempts).toBe(16);
    expect(retryPolicy({ maxAttempts: undefined, maxTotalDelayMs: undefined })).toEqual(retryPolicy());
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5],
    [' 12 ', 12],
    ['0', 0],
    ['1.5', null],
    ['', null],
    ['-1', null],
    ['Wed, 21 Oct 2026 07:28:00 GMT', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (header, seconds) => {
    expect(parseRetryAfter(header)).toBe(seconds);
  });
});

describe('nextDelayMs', () => {
  const policy = retryPolicy();
  const input = { attemptsMade: 1, spentMs: 0, retryAfterSeconds: null, random: 0 };

  it('doubles from the initial backoff to the ceiling, drawn in the upper half of each step', () => {
    expect([1, 2, 3, 4, 5, 6].map((attemptsMade) => nextDelayMs({ ...policy, maxAttempts: 16 }, { ...input, attemptsMade }))).toEqual([
      50, 100, 200, 400, 800, 1000,
    ]);
    expect(nextDelayMs(policy, { ...input, random: 0.999999 })).toBe(100);
  });

  it('prefers Retry-After, cut down to what is left of the budget', () => {
    expect(nextDelayMs(policy, { ...input, retryAfterSeconds: 2 })).toBe(2000);
    expect(nextDelayMs(policy, { ...input, retryAfterSeconds: 86_400, spentMs: 4000 })).toBe(1000);
    expect(nextDelayMs(policy, { ...input, retryAfterSeconds: 0, spentMs: 5000 })).toBe(0);
  });

  it('stops after the last attempt and when the budget is spent', () => {
    expect(nextDelayMs(policy, { ...input, attemptsMade: 4 })).toBeNull();
    expect(nextDelayMs(policy, { ...input, spentMs: 5000 })).toBeNull();
  });
});
