import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'openapi-fetch';
import { AnswerAboveBoundError } from './bounded-fetch';
import { Hook0ApiError, Hook0TransportError, type Problem, type TransportFailure } from './errors';
import { encodePayload, type PayloadContentType } from './event-payload';
import type { paths } from './generated/hook0-api';
import { isRetryableAnswer, isRetryableTransportFailure } from './retry-decision';
import { nextDelayMs, parseRetryAfter, type RetryPolicy } from './retry-policy';

export interface EventToSend {
  readonly applicationId: string;
  /** `service.resource_type.verb`, an event type of the application. */
  readonly eventType: string;
  /** Bytes, a string (see payloadContentType) or any JSON value. */
  readonly payload: unknown;
  /** For a string payload: `text/plain` by default, `application/json` for JSON text. */
  readonly payloadContentType?: PayloadContentType;
  readonly labels?: Readonly<Record<string, string>>;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly occurredAt?: Date;
  /** Your own id for this logical event, to stay idempotent across restarts; a UUID is drawn otherwise. */
  readonly eventId?: string;
}

export interface SentEvent {
  readonly eventId: string;
  readonly applicationId: string;
  /** When the API took the event; null when a retry found it already ingested by an earlier attempt. */
  readonly receivedAt: string | null;
  readonly attempts: number;
  readonly alreadyIngested: boolean;
}

/** Time and randomness, injected so the retry loop has exact tests. */
export interface SendDependencies {
  sleep(ms: number): Promise<void>;
  random(): number;
  newEventId(): string;
}

const defaults: SendDependencies = { sleep: (ms) => sleep(ms), random: Math.random, newEventId: randomUUID };

type Outcome =
  | { readonly kind: 'sent'; readonly sent: SentEvent }
  | { readonly kind: 'failed'; readonly error: Hook0ApiError | Hook0TransportError; readonly retryAfterSeconds: number | null };

function transportFailure(error: unknown): TransportFailure {
  const causes = [error, (error as { cause?: unknown })?.cause];
  if (causes.some((cause) => cause instanceof AnswerAboveBoundError)) return 'answer_above_a_bound';
  if (causes.some((cause) => (cause as { code?: unknown })?.code === 'UND_ERR_HEADERS_OVERFLOW')) return 'answer_above_a_bound';
  return 'no_answer';
}

const problemOf = (body: unknown): Problem | null =>
  typeof body === 'object' && body !== null && typeof (body as Problem).id === 'string' ? (body as Problem) : null;

/**
 * POST /event with one `event_id` for every attempt (docs/sdk.md "sendEvent"). A retry answered 409 EventAlreadyIngested
 * means an earlier attempt got through without its answer reaching us: that is success.
 */
export async function sendEvent(
  api: Client<paths>,
  policy: RetryPolicy,
  event: EventToSend,
  dependencies: Partial<SendDependencies> = {},
): Promise<SentEvent> {
  const { sleep, random, newEventId } = { ...defaults, ...dependencies };
  const body = {
    application_id: event.applicationId,
    event_id: event.eventId ?? newEventId(),
    event_type: event.eventType,
    ...encodePayload(event.payload, event.payloadContentType),
    labels: { ...event.labels },
    ...(event.metadata && { metadata: { ...event.metadata } }),
    occurred_at: (event.occurredAt ?? new Date()).toISOString(),
  };
  const eventId = body.event_id;
  let spentMs = 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(api, body, eventId, attempt);
    if (outcome.kind === 'sent') return outcome.sent;
    const { error } = outcome;
    const delay = error.retryable
      ? nextDelayMs(policy, { attemptsMade: attempt, spentMs, retryAfterSeconds: outcome.retryAfterSeconds, random: random() })
      : null;
    if (delay === null) throw error;
    await sleep(delay);
    spentMs += delay;
  }
}

async function attemptOnce(
  api: Client<paths>,
  body: NonNullable<paths['/event']['post']['requestBody']>['content']['application/json'],
  eventId: string,
  attempt: number,
): Promise<Outcome> {
  try {
    const { data, error, response } = await api.POST('/event', { body });
    if (data) {
      const sent = { eventId, applicationId: data.application_id, receivedAt: data.received_at, attempts: attempt, alreadyIngested: false };
      return { kind: 'sent', sent };
    }
    const problem = problemOf(error);
    if (attempt > 1 && response.status === 409 && problem?.id === 'EventAlreadyIngested') {
      const sent = { eventId, applicationId: body.application_id, receivedAt: null, attempts: attempt, alreadyIngested: true };
      return { kind: 'sent', sent };
    }
    const retryable = isRetryableAnswer(response.status, problem?.id ?? null);
    return {
      kind: 'failed',
      error: new Hook0ApiError(response.status, problem, retryable, attempt),
      retryAfterSeconds: retryable ? parseRetryAfter(response.headers.get('retry-after')) : null,
    };
  } catch (thrown) {
    const failure = transportFailure(thrown);
    const message = failure === 'no_answer' ? 'no answer from the Hook0 API' : 'the Hook0 API answer crossed a client bound';
    const error = new Hook0TransportError(failure, message, isRetryableTransportFailure(failure), attempt, thrown);
    return { kind: 'failed', error, retryAfterSeconds: null };
  }
}
