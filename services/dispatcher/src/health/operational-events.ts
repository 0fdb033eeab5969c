import { v7 as uuidv7 } from 'uuid';
import { isDatabaseUnavailable, type EventKey, type EventRepository, type EventTypeRepository } from '@hook0/db';
import { errorFields, type Logger } from '@hook0/observability';

export type OperationalEventType = 'hook0.subscription.disabled' | 'hook0.subscription.recovered' | 'hook0.attempt.exhausted';

/** An event about a subscription of some application, for the operators' application. */
export interface OperationalEvent {
  readonly type: OperationalEventType;
  readonly organizationId: string;
  readonly applicationId: string;
  /** Everything else the payload says (subscription, reason, attempt), in the API's snake_case. */
  readonly details: Record<string, string | null>;
}

export interface OperationalEventsDeps {
  /** OPERATIONAL_WEBHOOKS_APPLICATION_ID; null: nothing is emitted. */
  readonly applicationId: string | null;
  readonly events: EventRepository;
  readonly eventTypes: EventTypeRepository;
  /** Announces the new event at once; the outbox relay and the reconciler announce it anyway if this is lost. */
  readonly dispatch: (event: EventKey, dispatchRound: number) => Promise<void>;
  readonly logger: Logger;
  readonly now: () => number;
}

/**
 * Operational webhooks (docs/api.md "Operational webhooks"): events about subscriptions' health and exhausted
 * deliveries, ingested into the operators' own application, so that they travel the same pipeline, signed and
 * retried. Nothing is emitted about the operators' application itself, so that no failure feeds on its own report.
 * An event that cannot be stored is kept and tried again at the next `flush`.
 */
export class OperationalEvents {
  private pending: { event: OperationalEvent; eventId: string; occurredAt: Date }[] = [];

  constructor(private readonly deps: OperationalEventsDeps) {}

  emit(event: OperationalEvent): void {
    if (this.deps.applicationId === null || event.applicationId === this.deps.applicationId) return;
    this.pending.push({ event, eventId: uuidv7(), occurredAt: new Date(this.deps.now()) });
  }

  async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    for (const [index, entry] of batch.entries()) {
      try {
        await this.store(entry.event, entry.eventId, entry.occurredAt);
      } catch (error) {
        this.deps.logger.warn('operational_event.retrying', { type: entry.event.type, ...errorFields(error) });
        this.pending.unshift(...batch.slice(index));
        return;
      }
    }
  }

  private async store(event: OperationalEvent, eventId: string, occurredAt: Date): Promise<void> {
    const applicationId = this.deps.applicationId!;
    const stored = {
      eventId,
      applicationId,
      eventTypeName: event.type,
      payload: Buffer.from(
        JSON.stringify({ organization_id: event.organizationId, application_id: event.applicationId, ...event.details }),
      ),
      payloadContentType: 'application/json',
      ip: null,
      metadata: {},
      // `instance` as Hook0 labels its own events: a label every operational event carries, to subscribe to them all.
      labels: { instance: '1', organization_id: event.organizationId, application_id: event.applicationId },
      occurredAt,
    };
    let outcome = await this.deps.events.insertWithOutbox(stored);
    if (outcome.outcome === 'unknown_event_type') {
      const [serviceName, resourceTypeName, verbName] = event.type.split('.');
      const created = await this.deps.eventTypes.upsert({ applicationId, serviceName, resourceTypeName, verbName }).then(
        () => true,
        (error: unknown) => {
          if (isDatabaseUnavailable(error)) throw error;
          return false;
        },
      );
      if (created) outcome = await this.deps.events.insertWithOutbox(stored);
    }
    if (outcome.outcome === 'unknown_event_type') {
      this.deps.logger.warn('operational_event.dropped', { type: event.type, reason: 'application_unavailable' });
      return;
    }
    if (outcome.outcome === 'created') await this.deps.dispatch({ applicationId, eventId }, 0);
  }
}
