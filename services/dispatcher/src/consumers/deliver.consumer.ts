import type { ConsumeMessage, Disposition } from '@hook0/messaging';
import type { Logger } from '@hook0/observability';
import type { MessageHandlers } from './message-handlers';
import { createMessageConsumer } from './message-consumer';

/** The deliver queue: `attempt.deliver` messages from fan-out, retries and the wait ladder. */
export function createDeliverConsumer(
  queue: string,
  handlers: MessageHandlers,
  logger: Logger,
): (message: ConsumeMessage) => Promise<Disposition> {
  return createMessageConsumer({
    type: 'attempt.deliver',
    queue,
    logger,
    context: (message) => ({ attemptId: message.attemptId }),
    handle: handlers['attempt.deliver'],
  });
}
