import { MESSAGE_TYPES, type Message, type MessageType } from '@hook0/messaging';

/** Published for operators and other tools; the dispatcher itself never consumes it. */
export const NOT_CONSUMED: readonly MessageType[] = ['attempt.dead'];

export type ConsumedMessageType = Exclude<MessageType, 'attempt.dead'>;
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;
export type MessageHandlers = { readonly [T in ConsumedMessageType]: (message: MessageOf<T>) => Promise<void> };

/** Boot-time exhaustiveness: every message type is either handled here or explicitly not consumed, and nothing else is handled. */
export function assertHandlersComplete(handlers: Readonly<Record<string, unknown>>): void {
  const missing = MESSAGE_TYPES.filter((type) => !NOT_CONSUMED.includes(type) && typeof handlers[type] !== 'function');
  const unexpected = Object.keys(handlers).filter(
    (type) => !(MESSAGE_TYPES as readonly string[]).includes(type) || NOT_CONSUMED.includes(type as MessageType),
  );
  const problems = [
    ...missing.map((type) => `no handler for message type ${type}`),
    ...unexpected.map((type) => `handler for message type ${type}, which the dispatcher does not consume`),
  ];
  if (problems.length > 0) throw new Error(`Refusing to start: ${problems.join('; ')}`);
}
