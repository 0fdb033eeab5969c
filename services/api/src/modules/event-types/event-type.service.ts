import { ProblemError } from '@hook0/core';
import type { EventTypeEntity, EventTypeRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import type { QuotaService } from '../quotas/quota.service';
import type { EventTypePostDto } from './event-type.dto';

/** Event types (docs/hook0-compatibility.md "Event types"): create is an upsert that re-activates; delete deactivates. */
export class EventTypeService {
  constructor(
    private readonly eventTypes: EventTypeRepository,
    private readonly access: AccessPolicy,
    private readonly quotas: QuotaService,
  ) {}

  async list(principal: Principal, applicationId: string): Promise<EventTypeEntity[]> {
    const application = await this.access.application(principal, applicationId, 'read');
    return this.eventTypes.listActive(application.applicationId);
  }

  async create(principal: Principal, input: EventTypePostDto): Promise<EventTypeEntity> {
    const application = await this.access.application(principal, input.application_id, 'write');
    await this.quotas.assertCanCreateEventType(application.applicationId, `${input.service}.${input.resource_type}.${input.verb}`);
    return this.eventTypes.upsert({
      applicationId: application.applicationId,
      serviceName: input.service,
      resourceTypeName: input.resource_type,
      verbName: input.verb,
    });
  }

  async get(principal: Principal, applicationId: string, eventTypeName: string): Promise<EventTypeEntity> {
    const application = await this.access.application(principal, applicationId, 'read');
    const eventType = await this.eventTypes.findActive(application.applicationId, eventTypeName);
    if (!eventType) throw new ProblemError('NotFound');
    return eventType;
  }

  async deactivate(principal: Principal, applicationId: string, eventTypeName: string): Promise<void> {
    const application = await this.access.application(principal, applicationId, 'write');
    if (!(await this.eventTypes.deactivate(application.applicationId, eventTypeName))) throw new ProblemError('NotFound');
  }
}
