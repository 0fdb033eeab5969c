/** Versioned envelopes carrying ids, never payloads. */
export interface DispatchEventMessage {
  readonly v: 1;
  readonly type: 'event.dispatch';
  /**
   * The event's application: an event_id is unique within its application only. Every publisher sets it (through
   * dispatchEventMessage); only a message published before event ids were scoped per application lacks it.
   */
  readonly applicationId?: string;
  readonly eventId: string;
  readonly dispatchRound: number;
}

export interface DeliverAttemptMessage {
  readonly v: 1;
  readonly type: 'attempt.deliver';
  readonly attemptId: string;
  /** Epoch milliseconds before which the attempt must not be sent. */
  readonly dueAt: number;
}

export interface DeadLetterMessage {
  readonly v: 1;
  readonly type: 'attempt.dead';
  /** Names the attempt, and through it the event (its eventId alone does not: ids are unique per application). */
  readonly attemptId: string;
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly reason: string;
}

export type Message = DispatchEventMessage | DeliverAttemptMessage | DeadLetterMessage;
export type MessageType = Message['type'];
export const MESSAGE_TYPES: readonly MessageType[] = ['event.dispatch', 'attempt.deliver', 'attempt.dead'];

/** What the outbox relay and the reconciler publish for a round of an event. */
export function dispatchEventMessage(
  event: { readonly applicationId: string; readonly eventId: string },
  dispatchRound: number,
): DispatchEventMessage {
  return { v: 1, type: 'event.dispatch', applicationId: event.applicationId, eventId: event.eventId, dispatchRound };
}

export function encodeMessage(message: Message): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses and checks an envelope; null for anything this version does not understand. */
export function decodeMessage(content: Buffer): Message | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || parsed.v !== 1) return null;
  if (
    parsed.type === 'event.dispatch' &&
    isUuid(parsed.eventId) &&
    Number.isInteger(parsed.dispatchRound) &&
    isAbsentOrUuid(parsed.applicationId)
  ) {
    return parsed as unknown as DispatchEventMessage;
  }
  if (parsed.type === 'attempt.deliver' && isUuid(parsed.attemptId) && Number.isFinite(parsed.dueAt)) {
    return parsed as unknown as DeliverAttemptMessage;
  }
  if (parsed.type === 'attempt.dead' && isUuid(parsed.attemptId)) return parsed as unknown as DeadLetterMessage;
  return null;
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function isAbsentOrUuid(value: unknown): boolean {
  return value === undefined || isUuid(value);
}
