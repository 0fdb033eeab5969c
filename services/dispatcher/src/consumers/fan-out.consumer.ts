import type { ConsumeMessage, Disposition } from '@hook0/messaging';
import type { Logger } from '@hook0/observability';
import type { MessageHandlers } from './message-handlers';
import { createMessageConsumer } from './message-consumer';

/** The dispatch queue: `event.dispatch` messages from the API's outbox relay. */
export function createFanOutConsumer(
  queue: string,
  handlers: MessageHandlers,
  logger: Logger,
): (message: ConsumeMessage) => Promise<Disposition> {
  return createMessageConsumer({
    type: 'event.dispatch',
    queue,
    logger,
    context: (message) => ({ applicationId: message.applicationId, eventId: message.eventId, dispatchRound: message.dispatchRound }),
    handle: handlers['event.dispatch'],
  });
}
