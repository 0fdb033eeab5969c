import { v7 as uuidv7 } from 'uuid';
import { decodePayload, isPayloadContentType, ProblemError } from '@hook0/core';
import type { EventRepository } from '@hook0/db';
import { currentTraceParent } from '@hook0/observability';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
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
    private readonly access: AccessPolicy,
    private readonly hooks: IngestHooks,
    private readonly quotas: QuotaService,
  ) {}

  /**
   * When the access policy lets the insert itself prove the application live (master key, the application's own
   * secret, a service token), the lookup is skipped; any failure then runs the full check first, so a refused
   * principal still gets 403 before any other problem, exactly as when checking up front.
   */
  async ingest(principal: Principal, input: EventPostDto, ip: string | null): Promise<IngestedEvent> {
    const applicationId = input.application_id;
    const scope = this.access.writableIfLive(principal, applicationId);
    if (scope === null) {
      await this.access.application(principal, applicationId, 'write');
      return this.store(input, applicationId, ip, null);
    }
    try {
      return await this.store(input, applicationId, ip, scope.organizationId);
    } catch (error) {
      await this.access.application(principal, applicationId, 'write');
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

  async list(principal: Principal, applicationId: string) {
    await this.access.application(principal, applicationId, 'read');
    return this.events.listRecent(applicationId);
  }

  async get(principal: Principal, applicationId: string, eventId: string) {
    await this.access.application(principal, applicationId, 'read');
    const event = await this.events.findInApplication(applicationId, eventId);
    if (!event) throw new ProblemError('NotFound');
    return event;
  }
}
