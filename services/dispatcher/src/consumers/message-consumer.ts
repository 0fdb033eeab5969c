import { decodeMessage, type ConsumeMessage, type Disposition } from '@hook0/messaging';
import { withLogContext, type LogContext, type Logger } from '@hook0/observability';
import type { ConsumedMessageType, MessageOf } from './message-handlers';

export interface MessageConsumerSpec<T extends ConsumedMessageType> {
  readonly type: T;
  readonly queue: string;
  readonly logger: Logger;
  readonly context: (message: MessageOf<T>) => LogContext;
  readonly handle: (message: MessageOf<T>) => Promise<void>;
}

/** Decodes one queue's messages, rejects what it does not understand (dead-lettered by the queue), runs the rest in their log context. */
export function createMessageConsumer<T extends ConsumedMessageType>(
  spec: MessageConsumerSpec<T>,
): (message: ConsumeMessage) => Promise<Disposition> {
  return async (raw) => {
    const message = decodeMessage(raw.content);
    if (message === null || message.type !== spec.type) {
      spec.logger.warn('message.rejected', { queue: spec.queue, type: message?.type ?? 'undecodable' });
      return 'reject';
    }
    const typed = message as MessageOf<T>;
    await withLogContext({ messageType: spec.type, ...spec.context(typed) }, () => spec.handle(typed));
    return 'ack';
  };
}
