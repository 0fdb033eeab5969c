import { buildLadder, nextHop, tierFor, tierName } from './wait-ladder';

const SECOND = 1_000;
const HOUR = 3_600_000;

describe('buildLadder', () => {
  it('doubles from the smallest tier up to the largest one not above the maximum', () => {
    expect(buildLadder(250, 2_000)).toEqual([250, 500, 1_000, 2_000]);
    expect(buildLadder(250, 1_999)).toEqual([250, 500, 1_000]);
  });

  it('has a single tier when both bounds are equal, and none when the maximum is below the minimum', () => {
    expect(buildLadder(1_000, 1_000)).toEqual([1_000]);
    expect(buildLadder(1_000, 999)).toEqual([]);
  });

  it('spans the default 250 ms … 18 h in 18 tiers, the largest above 9 h', () => {
    const tiers = buildLadder(250, 18 * HOUR);
    expect(tiers).toHaveLength(18);
    expect(tiers[0]).toBe(250);
    expect(tiers[17]).toBe(250 * 2 ** 17);
    expect(tiers[17]).toBeGreaterThan(9 * HOUR);
    tiers.slice(1).forEach((tier, index) => expect(tier).toBe(2 * tiers[index]));
  });
});

describe('tierFor (the tier label of a scheduled retry)', () => {
  const tiers = [250, 500, 1_000, 2_000];

  it('is the largest tier not above the delay', () => {
    expect(tierFor(tiers, 250)).toBe(250);
    expect(tierFor(tiers, 999)).toBe(500);
    expect(tierFor(tiers, 1_000)).toBe(1_000);
    expect(tierFor(tiers, 10 * HOUR)).toBe(2_000);
  });

  it('is the smallest tier for a delay below it, zero included', () => {
    expect(tierFor(tiers, 249)).toBe(250);
    expect(tierFor(tiers, 0)).toBe(250);
  });

  it('is written like the wait queue suffix', () => {
    expect(tierName(tierFor(tiers, 1_500))).toBe('1000ms');
  });
});

describe('nextHop', () => {
  const tiers = [250, 500, 1_000, 2_000];

  it('picks the largest tier not above the remaining time', () => {
    expect(nextHop(tiers, 1_500, 0)).toBe(1_000);
    expect(nextHop(tiers, 1_999, 0)).toBe(1_000);
    expect(nextHop(tiers, 2_000, 0)).toBe(2_000);
    expect(nextHop(tiers, 500, 0)).toBe(500);
    expect(nextHop(tiers, 749, 0)).toBe(500);
  });

  it('uses the largest tier again and again for a long wait', () => {
    expect(nextHop(tiers, 10 * HOUR, 0)).toBe(2_000);
  });

  it('picks the smallest tier when less than it remains', () => {
    expect(nextHop(tiers, 1, 0)).toBe(250);
    expect(nextHop(tiers, 249, 0)).toBe(250);
  });

  it('returns null when the message is due within the tolerance', () => {
    expect(nextHop(tiers, 0, 0)).toBeNull();
    expect(nextHop(tiers, -5_000, 0)).toBeNull();
    expect(nextHop(tiers, 20, 20)).toBeNull();
    expect(nextHop(tiers, 21, 20)).toBe(250);
  });

  it('does not depend on the tolerance otherwise', () => {
    expect(nextHop(tiers, 1_500, 100)).toBe(1_000);
  });
});

/** Hops a message down the ladder the way the dispatcher does, and reports how it went. */
function simulate(tiers: readonly number[], delayMs: number, toleranceMs: number): { waitedMs: number; hops: number } {
  let remaining = delayMs;
  let waitedMs = 0;
  let hops = 0;
  for (let hop = nextHop(tiers, remaining, toleranceMs); hop !== null; hop = nextHop(tiers, remaining, toleranceMs)) {
    remaining -= hop;
    waitedMs += hop;
    hops += 1;
    if (hops > 1_000) throw new Error(`no convergence for ${delayMs} ms`);
  }
  return { waitedMs, hops };
}

/** Deterministic pseudo-random delays, so a failure is reproducible. */
function* delays(count: number, maxMs: number): Generator<number> {
  let state = 0x9e3779b9;
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    // Spread over orders of magnitude, not just uniformly, so short delays are covered too.
    yield Math.max(1, Math.round(Math.exp((state / 2 ** 32) * Math.log(maxMs))));
  }
}

describe('hopping down the ladder reaches any delay from 1 ms to 10 h', () => {
  const tiers = buildLadder(250, 18 * HOUR);
  const edges = [1, 2, 249, 250, 251, 499, 500, 501, SECOND, 3 * SECOND, 10 * SECOND, 10 * HOUR, 10 * HOUR - 1];
  const tierEdges = tiers.flatMap((tier) => [tier - 1, tier, tier + 1]).filter((ms) => ms <= 10 * HOUR);
  // Every tier below the largest used once, plus a remainder below the smallest tier: the worst case.
  const worstCase = tiers.slice(0, -1).reduce((sum, tier) => sum + tier, 0) + 1;
  const cases = [...edges, ...tierEdges, worstCase, ...delays(5_000, 10 * HOUR)];

  it.each([0, 5, 100])(
    'never early by more than the tolerance (%i ms), late by less than the smallest tier, in ≤ tiers.length hops',
    (tolerance) => {
      for (const delay of cases) {
        const { waitedMs, hops } = simulate(tiers, delay, tolerance);
        if (waitedMs < delay - tolerance || waitedMs - delay >= tiers[0] || hops > tiers.length) {
          throw new Error(`delay ${delay} ms: waited ${waitedMs} ms in ${hops} hops`);
        }
      }
    },
  );

  it('needs exactly tiers.length hops in the worst case below the largest tier', () => {
    expect(worstCase).toBeLessThan(tiers[tiers.length - 1]);
    expect(simulate(tiers, worstCase, 0)).toEqual({ waitedMs: worstCase - 1 + tiers[0], hops: tiers.length });
  });

  it('lands exactly on a delay made of whole tiers', () => {
    expect(simulate(tiers, 250 + 1_000 + 4_000, 0)).toEqual({ waitedMs: 5_250, hops: 3 });
  });

  it('adds one hop per further stretch of the largest tier beyond it', () => {
    const small = [250, 500, 1_000];
    expect(simulate(small, 3_000, 0)).toEqual({ waitedMs: 3_000, hops: 3 });
    expect(simulate(small, 10_000, 0).hops).toBe(10);
  });
});
