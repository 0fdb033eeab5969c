import {
  attemptLinkName,
  attemptRefetchInterval,
  attemptsRefetchInterval,
  attemptStatusLabel,
  canBeRetried,
  isUnfinished,
  shortId,
  type AttemptStatusFields,
} from './attempt-status';

const NOW = new Date('2026-03-01T12:00:00Z');
const AT = '2026-03-01T11:59:58.123456Z';

const failed: AttemptStatusFields = { status: { type: 'failed', at: AT, full_processing_ms: 120 } };
const successful: AttemptStatusFields = { status: { type: 'successful', at: AT, full_processing_ms: 40 } };
const inProgress: AttemptStatusFields = { status: { type: 'inprogress', since: AT } };
const pending: AttemptStatusFields = { status: { type: 'pending', since: AT } };
const waitingUntil = (until: string | null): AttemptStatusFields => ({ status: { type: 'waiting', since: AT, until } });

describe('attemptStatusLabel', () => {
  it.each([
    [successful, 'Succeeded'],
    [failed, 'Failed'],
    [inProgress, 'In progress'],
    [waitingUntil('2026-03-01T12:05:00Z'), 'Waiting'],
    [pending, 'Pending'],
  ])('names status %j as %p', (attempt, label) => {
    expect(attemptStatusLabel(attempt)).toBe(label);
  });
});

describe('isUnfinished and canBeRetried', () => {
  it('counts pending, waiting and in-progress attempts as unfinished, which cannot be retried', () => {
    for (const attempt of [pending, waitingUntil(null), inProgress]) {
      expect(isUnfinished(attempt)).toBe(true);
      expect(canBeRetried(attempt)).toBe(false);
    }
  });

  it('lets a finished attempt, failed or successful, be retried', () => {
    for (const attempt of [failed, successful]) {
      expect(isUnfinished(attempt)).toBe(false);
      expect(canBeRetried(attempt)).toBe(true);
    }
  });
});

describe('attemptRefetchInterval', () => {
  it('stops polling once the attempt finished, or before it has loaded', () => {
    expect(attemptRefetchInterval(failed, NOW)).toBe(false);
    expect(attemptRefetchInterval(successful, NOW)).toBe(false);
    expect(attemptRefetchInterval(undefined, NOW)).toBe(false);
  });

  it('polls every two seconds while the attempt is due or being sent', () => {
    expect(attemptRefetchInterval(pending, NOW)).toBe(2_000);
    expect(attemptRefetchInterval(inProgress, NOW)).toBe(2_000);
  });

  it('polls a waiting retry when it falls due, between two and thirty seconds', () => {
    expect(attemptRefetchInterval(waitingUntil('2026-03-01T12:00:10Z'), NOW)).toBe(10_000);
    expect(attemptRefetchInterval(waitingUntil('2026-03-01T12:00:00.500Z'), NOW)).toBe(2_000);
    expect(attemptRefetchInterval(waitingUntil('2026-03-01T11:00:00Z'), NOW)).toBe(2_000);
    expect(attemptRefetchInterval(waitingUntil('2026-03-01T18:00:00Z'), NOW)).toBe(30_000);
    expect(attemptRefetchInterval(waitingUntil(null), NOW)).toBe(2_000);
  });
});

describe('attemptsRefetchInterval', () => {
  it('polls a list as often as its most urgent attempt needs, and not at all once all finished', () => {
    expect(attemptsRefetchInterval([failed, waitingUntil('2026-03-01T12:00:10Z'), successful], NOW)).toBe(10_000);
    expect(attemptsRefetchInterval([waitingUntil('2026-03-01T12:00:10Z'), pending], NOW)).toBe(2_000);
    expect(attemptsRefetchInterval([failed, successful], NOW)).toBe(false);
    expect(attemptsRefetchInterval([], NOW)).toBe(false);
    expect(attemptsRefetchInterval(undefined, NOW)).toBe(false);
  });
});

describe('link names', () => {
  it('names an attempt by its short id and its status', () => {
    const id = '01a24c4d-1901-771a-ab82-aad9ecfa3ca5';
    expect(shortId(id)).toBe('ecfa3ca5');
    expect(attemptLinkName({ ...failed, request_attempt_id: id })).toBe('View attempt ecfa3ca5, Failed');
    expect(attemptLinkName({ ...inProgress, request_attempt_id: id })).toBe('View attempt ecfa3ca5, In progress');
  });

  it('tells apart ids made at the same moment', () => {
    expect(shortId('01a24c4d-1901-771a-ab82-aad9ecfa3ca5')).not.toBe(shortId('01a24c4d-1902-7c3e-9d01-5e6f7a8b9c0d'));
  });
});
