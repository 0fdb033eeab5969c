import type { EventKey } from '@hook0/db';
import { MessagePublisher, type Broker, type DeadLetterMessage, type DeliverAttemptMessage } from '@hook0/messaging';
import type { WorkPublisher } from '../dispatch/work-publisher';
import type { DispatchPublisher } from '../reconcile/lost-message.reconciler';

/** The dispatcher's ports onto the shared message publisher. */
export class BrokerWorkPublisher implements WorkPublisher, DispatchPublisher {
  private readonly messages: MessagePublisher;

  constructor(broker: Broker) {
    this.messages = new MessagePublisher(broker);
  }

  dispatch(event: EventKey, dispatchRound: number): Promise<void> {
    return this.messages.dispatchEvent(event, dispatchRound);
  }

  deliver(attemptId: string, dueAt: number): Promise<void> {
    return this.messages.deliverAttempt(attemptId, dueAt);
  }

  wait(message: DeliverAttemptMessage, tierMs: number): Promise<void> {
    return this.messages.waitAttempt(message, tierMs);
  }

  dead(message: DeadLetterMessage): Promise<void> {
    return this.messages.deadLetter(message);
  }
}
