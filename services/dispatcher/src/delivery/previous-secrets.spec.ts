import type { LiveOverlap } from '@hook0/db';
import { PreviousSecrets, type OverlapSource } from './previous-secrets';

const SUBSCRIPTION = '0190a8f2-3333-7000-8000-000000000003';
const T0 = 1_700_000_000_000;

function source(answers: Record<string, LiveOverlap | null | Error>): OverlapSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    liveOverlap: (subscriptionId, currentSecret) => {
      asked.push(`${subscriptionId}:${currentSecret}`);
      const answer = answers[currentSecret];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? null);
    },
  };
}

describe('PreviousSecrets', () => {
  it('asks once per subscription and current secret, and signs with the previous secret until the overlap ends', async () => {
    const overlap = { previousSecret: 'old', expiresAt: new Date(T0 + 1_000) };
    const db = source({ new: overlap });
    let now = T0;
    const secrets = new PreviousSecrets(db, () => now);

    expect(await secrets.of(SUBSCRIPTION, 'new')).toBe('old');
    expect(await secrets.of(SUBSCRIPTION, 'new')).toBe('old');
    now = T0 + 1_000;
    expect(await secrets.of(SUBSCRIPTION, 'new')).toBeNull();
    expect(db.asked).toEqual([`${SUBSCRIPTION}:new`]);
  });

  it('asks again when the current secret changes (a new rotation)', async () => {
    const db = source({ first: null, second: { previousSecret: 'first', expiresAt: new Date(T0 + 60_000) } });
    const secrets = new PreviousSecrets(db, () => T0);

    expect(await secrets.of(SUBSCRIPTION, 'first')).toBeNull();
    expect(await secrets.of(SUBSCRIPTION, 'second')).toBe('first');
    expect(db.asked).toHaveLength(2);
  });

  it('does not remember a failed lookup', async () => {
    const answers: Record<string, LiveOverlap | null | Error> = { new: new Error('database down') };
    const db = source(answers);
    const secrets = new PreviousSecrets(db, () => T0);

    await expect(secrets.of(SUBSCRIPTION, 'new')).rejects.toThrow('database down');
    answers.new = { previousSecret: 'old', expiresAt: new Date(T0 + 1) };
    expect(await secrets.of(SUBSCRIPTION, 'new')).toBe('old');
  });

  it('keeps at most its capacity, forgetting the entry used longest ago', async () => {
    const db = source({});
    const secrets = new PreviousSecrets(db, () => T0, 2);

    await secrets.of('a', 's');
    await secrets.of('b', 's');
    await secrets.of('a', 's');
    await secrets.of('c', 's');
    await secrets.of('a', 's');
    await secrets.of('b', 's');
    expect(db.asked).toEqual(['a:s', 'b:s', 'c:s', 'b:s']);
  });
});
