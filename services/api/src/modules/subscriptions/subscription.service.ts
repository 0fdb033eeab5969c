import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { EventTypeRepository, SubscriptionEntity, SubscriptionFields, SubscriptionRepository } from '@hook0/db';
import { WRITE_ACCESS, type AccessPolicy, type Authorized } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import type { QuotaService } from '../quotas/quota.service';
import type { SubscriptionPostDto } from './subscription.dto';
import { toSubscriptionFields } from './subscription-fields';

/** Subscriptions (docs/hook0-compatibility.md "Subscriptions"). */
export class SubscriptionService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly eventTypes: EventTypeRepository,
    private readonly access: AccessPolicy,
    private readonly quotas: QuotaService,
  ) {}

  /** Readers get the access they have, so that the secrets and header values reach only those who may write. */
  async list(principal: Principal, applicationId: string): Promise<Authorized<SubscriptionEntity[]>> {
    const application = await this.access.application(principal, applicationId, 'read');
    return { value: await this.subscriptions.listLive(application.applicationId), access: this.access.viewOf(principal, application) };
  }

  async create(principal: Principal, input: SubscriptionPostDto): Promise<Authorized<SubscriptionEntity>> {
    const application = await this.access.application(principal, input.application_id, 'write');
    await this.quotas.assertCanCreateSubscription(application.applicationId);
    const fields = await this.checkedFields(application.applicationId, input);
    const created = await this.subscriptions.create({
      ...fields,
      subscriptionId: randomUUID(),
      applicationId: application.applicationId,
      secret: randomUUID(),
    });
    return { value: created, access: WRITE_ACCESS };
  }

  /** Needs no application_id: the subscription names its application, which the principal must be allowed. */
  async get(principal: Principal, subscriptionId: string): Promise<Authorized<SubscriptionEntity>> {
    const subscription = await this.subscriptions.findLive(subscriptionId);
    if (!subscription) throw new ProblemError('NotFound');
    const application = await this.access.applicationOfResource(principal, subscription.applicationId, 'read');
    return { value: subscription, access: this.access.viewOf(principal, application) };
  }

  async replace(principal: Principal, subscriptionId: string, input: SubscriptionPostDto): Promise<Authorized<SubscriptionEntity>> {
    const application = await this.access.application(principal, input.application_id, 'write');
    const fields = await this.checkedFields(application.applicationId, input);
    const replaced = await this.subscriptions.replace(application.applicationId, subscriptionId, fields);
    if (!replaced) throw new ProblemError('NotFound');
    return { value: replaced, access: WRITE_ACCESS };
  }

  async delete(principal: Principal, applicationId: string, subscriptionId: string): Promise<void> {
    const application = await this.access.application(principal, applicationId, 'write');
    if (!(await this.subscriptions.softDelete(application.applicationId, subscriptionId))) throw new ProblemError('NotFound');
  }

  /** Hook0's order after validation: labels, then workers, then event types. */
  private async checkedFields(applicationId: string, input: SubscriptionPostDto): Promise<SubscriptionFields> {
    const fields = toSubscriptionFields(input);
    // No worker pools exist here, so no name can be authorized; an empty list is the only valid one.
    if (fields.dedicatedWorkers.length > 0) throw new ProblemError('UnauthorizedWorkers');
    const missing = await this.eventTypes.missingActive(applicationId, fields.eventTypes);
    if (missing.length > 0) {
      throw new ProblemError(
        'EventTypeDoesNotExist',
        `Event type ${JSON.stringify(missing[0])} does not exist or was deactivated. You should (re)create it.`,
      );
    }
    return fields;
  }
}
