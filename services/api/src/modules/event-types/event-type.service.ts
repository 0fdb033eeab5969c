import { ProblemError } from '@hook0/core';
import type { EventTypeEntity, EventTypeRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { EventTypePostDto } from './event-type.dto';

/** Event types (docs/hook0-compatibility.md "Event types"): create is an upsert that re-activates; delete deactivates. */
export class EventTypeService {
  constructor(
    private readonly eventTypes: EventTypeRepository,
    private readonly quotas: QuotaService,
  ) {}

  async list({ application }: ApplicationGrant): Promise<EventTypeEntity[]> {
    return this.eventTypes.listActive(application.applicationId);
  }

  async create({ application }: ApplicationGrant, input: EventTypePostDto): Promise<EventTypeEntity> {
    await this.quotas.assertCanCreateEventType(application.applicationId, `${input.service}.${input.resource_type}.${input.verb}`);
    return this.eventTypes.upsert({
      applicationId: application.applicationId,
      serviceName: input.service,
      resourceTypeName: input.resource_type,
      verbName: input.verb,
    });
  }

  async get({ application }: ApplicationGrant, eventTypeName: string): Promise<EventTypeEntity> {
    const eventType = await this.eventTypes.findActive(application.applicationId, eventTypeName);
    if (!eventType) throw new ProblemError('NotFound');
    return eventType;
  }

  async deactivate({ application }: ApplicationGrant, eventTypeName: string): Promise<void> {
    if (!(await this.eventTypes.deactivate(application.applicationId, eventTypeName))) throw new ProblemError('NotFound');
  }
}
