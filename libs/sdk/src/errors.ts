import type { components } from './generated/hook0-api';

export type Problem = components['schemas']['Problem'];

/** Why a request got no answer to read (docs/sdk.md "Retries"): only `no_answer` is worth another attempt. */
export type TransportFailure = 'no_answer' | 'answer_above_a_bound' | 'unusable_api_url';

/** Base class of everything the client throws. */
export class Hook0ClientError extends Error {
  constructor(
    message: string,
    /** Whether this failure, on its own, was worth another attempt. */
    readonly retryable: boolean,
    /** How many requests were sent for this call. */
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The API answered, and not with success: `problem` is its problem+json body when it sent one. */
export class Hook0ApiError extends Hook0ClientError {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    retryable: boolean,
    attempts: number,
  ) {
    super(`Hook0 API answered ${status}${problem ? ` ${problem.id}: ${problem.detail}` : ''}`, retryable, attempts);
  }
}

/** No answer could be read: see TransportFailure. */
export class Hook0TransportError extends Hook0ClientError {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    retryable: boolean,
    attempts: number,
    cause?: unknown,
  ) {
    super(message, retryable, attempts, { cause });
  }
}

/** The call was refused before anything was sent (e.g. a payload above the size bound). */
export class Hook0RequestError extends Hook0ClientError {
  constructor(message: string) {
    super(message, false, 0);
  }
}
