import type { DeadLetterMessage, DeliverAttemptMessage } from '@hook0/messaging';

/** What the dispatch services publish; every call resolves once the broker confirmed it. */
export interface WorkPublisher {
  deliver(attemptId: string, dueAt: number): Promise<void>;
  /** Parks a deliver message in the wait tier whose TTL is `tierMs`; it comes back to the deliver queue after it. */
  wait(message: DeliverAttemptMessage, tierMs: number): Promise<void>;
  dead(message: DeadLetterMessage): Promise<void>;
}
