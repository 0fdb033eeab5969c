import type { TransportFailure } from '../../src/errors';

// Whether one failed send is tried again (docs/sdk.md "Retries"): by transport failure, by problem id, else by status.

/** Failures where no answer could be read, keyed by Hook0TransportError's `failure`. */
export const RETRIED_AFTER_TRANSPORT_FAILURE: Readonly<Record<TransportFailure, boolean>> = {
  no_answer: true,
  answer_above_a_bound: false,
  unusable_api_url: false,
};

export interface StatusGroup {
  readonly why: string;
  readonly retried: boolean;
  readonly statuses: readonly number[];
}

/** Statuses answered without a problem id this SDK recognises. */
export const RETRY_BY_STATUS: readonly StatusGroup[] = [
  {
    why: 'the request itself was refused; the same request is refused again',
    retried: false,
    statuses: [400, 401, 403, 404, 409, 410, 422],
  },
  { why: 'taken as a spent quota unless the problem id says pacing', retried: false, statuses: [429] },
  { why: 'the server failed; a second try may succeed', retried: true, statuses: [500, 503] },
];

export interface ProblemGroup {
  readonly why: string;
  readonly retried: boolean;
  /** Problem id and the status the API sends it with. */
  readonly problems: readonly (readonly [problem: string, status: number])[];
}

/** Every problem id the API can answer with; the id decides, whatever the status. */
export const RETRY_BY_PROBLEM: readonly ProblemGroup[] = [
  {
    why: 'the request content is invalid or conflicts with stored state; resending changes nothing',
    retried: false,
    problems: [
      ['OrganizationNameMissing', 400],
      ['UserAlreadyExist', 409],
      ['RegistrationDisabled', 410],
      ['PasswordTooShort', 400],
      ['PasswordTooLong', 400],
      ['PasswordSimilarToEmail', 400],
      ['PasswordSimilarToName', 400],
      ['PasswordTooCommon', 400],
      ['PasswordNotDiverseEnough', 400],
      ['OrganizationIsNotEmpty', 409],
      ['InvitedUserDoesNotExist', 404],
      ['InvitedUserAlreadyInOrganization', 409],
      ['ApplicationNameMissing', 400],
      ['InvalidRole', 400],
      ['EventTypeAlreadyExist', 409],
      ['EventTypeDoesNotExist', 400],
      ['UnauthorizedWorkers', 400],
      ['EventAlreadyIngested', 409],
      ['EventInvalidPayloadContentType', 400],
      ['EventInvalidBase64Payload', 400],
      ['EventInvalidJsonPayload', 400],
      ['LabelsAmbiguity', 400],
      ['InvalidDateRange', 400],
      ['JsonPayload', 400],
      ['Validation', 422],
      ['NotFound', 404],
    ],
  },
  {
    why: 'credentials absent, unreadable or refused, or an account state only a person can change',
    retried: false,
    problems: [
      ['AuthNoAuthorizationHeader', 401],
      ['AuthInvalidAuthorizationHeader', 400],
      ['AuthInvalidApplicationSecret', 403],
      ['AuthInvalidBiscuit', 403],
      ['AuthFailedLogin', 401],
      ['AuthEmailNotVerified', 401],
      ['AuthEmailAlreadyVerified', 409],
      ['AuthFailedRefresh', 401],
      ['AuthEmailExpired', 401],
      ['Forbidden', 403],
    ],
  },
  {
    why: 'a plan or daily quota: it resets far later than one send may wait',
    retried: false,
    problems: [
      ['TooManyMembersPerOrganization', 429],
      ['TooManyApplicationsPerOrganization', 429],
      ['TooManyEventsToday', 429],
      ['TooManySubscriptionsPerApplication', 429],
      ['TooManyEventTypesPerApplication', 429],
    ],
  },
  {
    why: 'a failure on the server side that can clear by itself',
    retried: true,
    problems: [
      ['AuthApplicationSecretLookupError', 500],
      ['AuthBiscuitLookupError', 500],
      ['InternalServerError', 500],
      ['ServiceUnavailable', 503],
    ],
  },
  {
    why: 'the instance is pacing requests; this one was not processed',
    retried: true,
    problems: [['RateLimited', 429]],
  },
];

export interface RetryAfterCase {
  readonly title: string;
  readonly header: string;
  /** Seconds the client reads from the header (before the budget cut), or null when it keeps its own backoff. */
  readonly seconds: number | null;
}

/** `Retry-After` on a retryable answer: whole non-negative seconds only, capped by what is left of the delay budget. */
export const RETRY_AFTER_CASES: readonly RetryAfterCase[] = [
  { title: '1 s, within the budget: waited as given', header: '1', seconds: 1 },
  { title: '0 s: the next attempt goes at once', header: '0', seconds: 0 },
  { title: 'one day: cut to what is left of the budget', header: '86400', seconds: 86400 },
  { title: 'free text: ignored', header: 'in a little while', seconds: null },
  { title: 'an HTTP-date: ignored', header: 'Wed, 21 Oct 2026 07:28:00 GMT', seconds: null },
  { title: 'a negative number: ignored', header: '-1', seconds: null },
];
