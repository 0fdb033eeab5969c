import type { BrowserContext } from 'playwright-core';
import { waitFor } from '@hook0/testing';
import type { ApiHarness } from '../../../services/api/test/api-harness';
import { bearer } from '../../../services/api/test/user-fixtures';

/** Where the dashboard keeps its session in localStorage (docs/dashboard.md "Sessions"). */
const SESSION_KEY = 'hook0.session';

/** The tokens of whoever is signed in in `context`, read from its localStorage. */
export async function storedSessionOf(context: BrowserContext): Promise<{ accessToken: string; refreshToken: string }> {
  const { origins } = await context.storageState();
  const stored = origins.flatMap((origin) => origin.localStorage).find((item) => item.name === SESSION_KEY);
  if (!stored) throw new Error(`no ${SESSION_KEY} in the browser's localStorage: nobody is signed in`);
  return JSON.parse(stored.value) as { accessToken: string; refreshToken: string };
}

/** The access token of whoever is signed in in `context`. */
export async function accessTokenOf(context: BrowserContext): Promise<string> {
  return (await storedSessionOf(context)).accessToken;
}

export interface Attempt {
  readonly request_attempt_id: string;
  readonly created_at: string;
  readonly status: { readonly type: 'failed' | 'successful' | 'inprogress' | 'waiting' | 'pending' };
}

/**
 * Polls the event's request attempts through the API (the dispatcher works in another process) until `pick` finds
 * one; a condition to await before the dashboard is expected to show it.
 */
export function waitForAttempt(
  harness: ApiHarness,
  token: string,
  applicationId: string,
  eventId: string,
  pick: (attempts: Attempt[]) => Attempt | undefined,
  description: string,
): Promise<Attempt> {
  return waitFor(
    async () => {
      const response = await harness
        .http()
        .get('/request_attempts')
        .query({ application_id: applicationId, event_id: eventId })
        .set(bearer(token))
        .expect(200);
      return pick(response.body as Attempt[]);
    },
    description,
    60_000,
    200,
  );
}

/** The attempt that finished with `outcome`, created after `after` if given. */
export function finished(outcome: 'failed' | 'successful', after?: Attempt): (attempts: Attempt[]) => Attempt | undefined {
  return (attempts) =>
    attempts.find(
      (attempt) =>
        attempt.status.type === outcome &&
        attempt.request_attempt_id !== after?.request_attempt_id &&
        (!after || attempt.created_at >= after.created_at),
    );
}
