import { v7 as uuidv7 } from 'uuid';
import { decodePayload, isPayloadContentType, ProblemError } from '@hook0/core';
import type { EventRepository } from '@hook0/db';
import { currentTraceParent } from '@hook0/observability';
import type { ApplicationGrant, ApplicationWriteGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { EventPostDto } from './event.dto';

export interface IngestedEvent {
  readonly application_id: string;
  readonly event_id: string;
  readonly received_at: Date;
}

export interface IngestHooks {
  /** Throws ServiceUnavailable while events cannot leave the outbox fast enough to accept more. */
  readonly admit: () => void;
  /** Called once the event is committed, to get it published without waiting for the next sweep. */
  readonly onCommitted: () => void;
}

export class EventService {
  constructor(
    private readonly events: EventRepository,
    private readonly hooks: IngestHooks,
    private readonly quotas: QuotaService,
  ) {}

  /**
   * The grant may leave the application's check to the INSERT itself (docs/api.md "Who may do what"); any failure
   * then runs the full check first, so a refused principal still gets 403 before any other problem.
   */
  async ingest(grant: ApplicationWriteGrant, input: EventPostDto, ip: string | null): Promise<IngestedEvent> {
    try {
      return await this.store(input, grant.applicationId, ip, grant.organizationId);
    } catch (error) {
      await grant.confirm();
      throw error;
    }
  }

  private async store(
    input: EventPostDto,
    applicationId: string,
    ip: string | null,
    organizationId: string | null,
  ): Promise<IngestedEvent> {
    await this.quotas.assertCanIngest(applicationId);
    if (!isPayloadContentType(input.payload_content_type)) throw new ProblemError('EventInvalidPayloadContentType');
    const decoded = decodePayload(input.payload, input.payload_content_type);
    if (!decoded.ok) throw new ProblemError(decoded.problem);
    const eventId = input.event_id ?? uuidv7();
    this.hooks.admit();
    const event = {
      eventId,
      applicationId,
      eventTypeName: input.event_type,
      payload: decoded.bytes,
      payloadContentType: input.payload_content_type,
      ip,
      metadata: input.metadata ?? {},
      labels: input.labels,
      occurredAt: new Date(input.occurred_at),
      traceParent: currentTraceParent(),
    };
    const result = await this.events.insertWithOutbox(event, organizationId);
    if (result.outcome === 'duplicate') throw new ProblemError('EventAlreadyIngested');
    if (result.outcome === 'unknown_event_type') throw new ProblemError('EventTypeDoesNotExist');
    this.hooks.onCommitted();
    return { application_id: applicationId, event_id: eventId, received_at: result.receivedAt };
  }

  list({ application }: ApplicationGrant) {
    return this.events.listRecent(application.applicationId);
  }

  async get({ application }: ApplicationGrant, eventId: string) {
    const event = await this.events.findInApplication(application.applicationId, eventId);
    if (!event) throw new ProblemError('NotFound');
    return event;
  }
}
