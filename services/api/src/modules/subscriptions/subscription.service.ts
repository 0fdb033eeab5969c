import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type {
  EventTypeRepository,
  SubscriptionEntity,
  SubscriptionFields,
  SubscriptionHealth,
  SubscriptionHealthRepository,
  SubscriptionRepository,
} from '@hook0/db';
import { WRITE_ACCESS, type ApplicationGrant, type Authorized } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { SubscriptionPostDto } from './subscription.dto';
import type { SubscriptionDetails } from './subscription.presenter';
import { toSubscriptionFields } from './subscription-fields';

/** Subscriptions (docs/hook0-compatibility.md "Subscriptions"). */
export class SubscriptionService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly eventTypes: EventTypeRepository,
    private readonly health: SubscriptionHealthRepository,
    private readonly quotas: QuotaService,
  ) {}

  /** Readers get the access they have, so that the secrets and header values reach only those who may write. */
  async list({
    application,
    view,
  }: ApplicationGrant): Promise<Authorized<SubscriptionEntity[]> & { health: Map<string, SubscriptionHealth> }> {
    const value = await this.subscriptions.listLive(application.applicationId);
    return { value, access: view, health: await this.health.find(value.map((subscription) => subscription.subscriptionId)) };
  }

  async create({ application }: ApplicationGrant, input: SubscriptionPostDto): Promise<Authorized<SubscriptionEntity>> {
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

  /** The route names the subscription alone; its grant is for the subscription's own application. */
  async get({ application, view }: ApplicationGrant, subscriptionId: string): Promise<SubscriptionDetails> {
    const subscription = await this.subscriptions.findLive(subscriptionId);
    if (!subscription || subscription.applicationId !== application.applicationId) throw new ProblemError('NotFound');
    return { value: subscription, access: view, health: await this.healthOf(subscriptionId) };
  }

  async replace({ application }: ApplicationGrant, subscriptionId: string, input: SubscriptionPostDto): Promise<SubscriptionDetails> {
    const fields = await this.checkedFields(application.applicationId, input);
    const replaced = await this.subscriptions.replace(application.applicationId, subscriptionId, fields);
    if (!replaced) throw new ProblemError('NotFound');
    return { value: replaced, access: WRITE_ACCESS, health: await this.healthOf(subscriptionId) };
  }

  private async healthOf(subscriptionId: string): Promise<SubscriptionHealth | null> {
    return (await this.health.find([subscriptionId])).get(subscriptionId) ?? null;
  }

  async delete({ application }: ApplicationGrant, subscriptionId: string): Promise<void> {
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
