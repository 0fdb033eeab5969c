import type { Broker } from './broker';
import {
  dispatchEventMessage,
  encodeMessage,
  type DeadLetterMessage,
  type DeliverAttemptMessage,
  type DispatchEventMessage,
} from './messages';
import { ROUTING } from './topology';

/**
 * The one place each message type is built, named (its AMQP messageId) and routed. The API's outbox relay, the
 * dispatcher and the tests all publish through it, so no two of them can disagree on a message's shape or id.
 */
export class MessagePublisher {
  constructor(private readonly broker: Broker) {}

  /** A round of an event, to be fanned out; its id names the round, so a repeated publish is recognisable. */
  async dispatch(event: { readonly applicationId: string; readonly eventId: string }, dispatchRound: number): Promise<void> {
    await this.publishDispatch(dispatchEventMessage(event, dispatchRound));
  }

  /** An envelope as given; only tests need one other than `dispatchEvent`'s (a message of an earlier release). */
  async publishDispatch(message: DispatchEventMessage): Promise<void> {
    await this.broker.publish(this.broker.topology.workExchange, ROUTING.dispatch, encodeMessage(message), {
      messageId: `${message.eventId}:${message.dispatchRound}`,
    });
  }

  /** An attempt to send, not before `dueAt` (epoch ms). */
  async deliver(attemptId: string, dueAt: number): Promise<void> {
    const message: DeliverAttemptMessage = { v: 1, type: 'attempt.deliver', attemptId, dueAt };
    await this.broker.publish(this.broker.topology.workExchange, ROUTING.deliver, encodeMessage(message), { messageId: attemptId });
  }

  /** An attempt parked in the wait queue whose TTL is `tierMs`; it comes back to the deliver queue when that expires. */
  async wait(message: DeliverAttemptMessage, tierMs: number): Promise<void> {
    const tier = this.broker.topology.waitTiers.find((candidate) => candidate.ttlMs === tierMs);
    if (!tier) throw new Error(`no wait tier of ${tierMs} ms`);
    await this.broker.publish(this.broker.topology.waitExchange, tier.routingKey, encodeMessage(message), { messageId: message.attemptId });
  }

  /** A delivery given up on. */
  async dead(message: DeadLetterMessage): Promise<void> {
    await this.broker.publish(this.broker.topology.deadExchange, ROUTING.dead, encodeMessage(message), { messageId: message.attemptId });
  }
}
