import type { Schemas } from '../../api/client';

export type RequestAttempt = Schemas['RequestAttempt'];
export type AttemptStatusType = RequestAttempt['status']['type'];

/** Just the fields the status is read from: a whole attempt fits, and so does a test's literal. */
export type AttemptStatusFields = Pick<RequestAttempt, 'status'>;

const LABELS: Record<AttemptStatusType, string> = {
  successful: 'Succeeded',
  failed: 'Failed',
  inprogress: 'In progress',
  waiting: 'Waiting',
  pending: 'Pending',
};

/** The attempt's status in words, as the tables and the attempt page show it (never colour alone). */
export function attemptStatusLabel(attempt: AttemptStatusFields): string {
  return LABELS[attempt.status.type];
}

/** Whether the attempt may still change: something will send it, or is sending it. */
export function isUnfinished(attempt: AttemptStatusFields): boolean {
  return attempt.status.type !== 'successful' && attempt.status.type !== 'failed';
}

/** A finished attempt (failed or successful) may be retried; the API refuses one still pending (docs/api.md). */
export function canBeRetried(attempt: AttemptStatusFields): boolean {
  return !isUnfinished(attempt);
}

const POLL_MS = 2_000;
const LONGEST_WAIT_POLL_MS = 30_000;

/**
 * How often to read the attempt again while it may change: every 2 s when it is due or being sent; a retry that
 * waits is read again when it falls due (at most every 30 s); a finished attempt is not read again.
 */
export function attemptRefetchInterval(attempt: AttemptStatusFields | undefined, now: Date): number | false {
  if (!attempt || !isUnfinished(attempt)) return false;
  const { status } = attempt;
  if (status.type !== 'waiting' || status.until === null) return POLL_MS;
  const untilDue = new Date(status.until).getTime() - now.getTime();
  return Math.min(Math.max(untilDue, POLL_MS), LONGEST_WAIT_POLL_MS);
}

/** How often to read a list of attempts again: as soon as the earliest of them may change; never when all finished. */
export function attemptsRefetchInterval(attempts: readonly AttemptStatusFields[] | undefined, now: Date): number | false {
  const intervals = (attempts ?? []).map((attempt) => attemptRefetchInterval(attempt, now)).filter((ms) => ms !== false);
  return intervals.length === 0 ? false : Math.min(...intervals);
}

/**
 * The last eight characters of an id: enough to tell rows apart in a table. Not the first ones: ids made at the
 * same moment (time-ordered UUIDs) share their start.
 */
export function shortId(id: string): string {
  return id.slice(-8);
}

/** The accessible name of the link to an attempt's page: which attempt, and how it went. */
export function attemptLinkName(attempt: AttemptStatusFields & Pick<RequestAttempt, 'request_attempt_id'>): string {
  return `View attempt ${shortId(attempt.request_attempt_id)}, ${attemptStatusLabel(attempt)}`;
}
