import type { WebhookReceiver } from '@hook0/testing';

/** What a receiver got, keyed by event × subscription (one receiver path per subscription). */
export class DeliveryLedger {
  constructor(private readonly receiver: WebhookReceiver) {}

  private keys(): string[] {
    return this.receiver.requests.map((request) => `${String(request.headers['x-event-id'])} ${request.path}`);
  }

  unique(): Set<string> {
    return new Set(this.keys());
  }

  duplicates(): number {
    return this.keys().length - this.unique().size;
  }

  /** The accepted event × subscription pairs the receiver has not seen. */
  missing(acceptedEventIds: readonly string[], paths: readonly string[]): string[] {
    const seen = this.unique();
    return acceptedEventIds.flatMap((id) => paths.map((path) => `${id} ${path}`)).filter((key) => !seen.has(key));
  }

  /** Duplicates carry the same X-Event-Id and webhook-id as the first delivery. */
  duplicatesKeepTheirIds(): boolean {
    return this.receiver.requests.every((request) => request.headers['x-event-id'] === request.headers['webhook-id']);
  }

  report(name: string, accepted: number): string {
    const total = this.receiver.requests.length;
    const duplicates = this.duplicates();
    return `${name}: accepted ${accepted} events, ${this.unique().size} unique deliveries, ${duplicates} duplicates (${((100 * duplicates) / Math.max(total, 1)).toFixed(2)} %)`;
  }
}
