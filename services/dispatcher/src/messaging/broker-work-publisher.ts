import type { EventKey } from '@hook0/db';
import { dispatchEventMessage, encodeMessage, ROUTING, type Broker, type DeadLetterMessage, type DeliverAttemptMessage } from '@hook0/messaging';
import type { WorkPublisher } from '../dispatch/work-publisher';
import type { DispatchPublisher } from '../reconcile/lost-message.reconciler';

export class BrokerWorkPublisher implements WorkPublisher, DispatchPublisher {
  constructor(private readonly broker: Broker) {}

  async dispatch(event: EventKey, dispatchRound: number): Promise<void> {
    await this.broker.publish(this.broker.topology.workExchange, ROUTING.dispatch, encodeMessage(dispatchEventMessage(event, dispatchRound)), {
      messageId: `${event.eventId}:${dispatchRound}`,
    });
  }

  async deliver(attemptId: string, dueAt: number): Promise<void> {
    const message: DeliverAttemptMessage = { v: 1, type: 'attempt.deliver', attemptId, dueAt };
    await this.broker.publish(this.broker.topology.workExchange, ROUTING.deliver, encodeMessage(message), { messageId: attemptId });
  }

  async wait(message: DeliverAttemptMessage, tierMs: number): Promise<void> {
    const tier = this.broker.topology.waitTiers.find((candidate) => candidate.ttlMs === tierMs);
    if (!tier) throw new Error(`no wait tier of ${tierMs} ms`);
    await this.broker.publish(this.broker.topology.waitExchange, tier.routingKey, encodeMessage(message), { messageId: message.attemptId });
  }

  async dead(message: DeadLetterMessage): Promise<void> {
    await this.broker.publish(this.broker.topology.deadExchange, ROUTING.dead, encodeMessage(message), { messageId: message.attemptId });
  }
}
