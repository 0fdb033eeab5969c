import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { SubscriptionEntity } from '../entities/subscription.entity';

/** What PUT replaces wholesale (docs/hook0-compatibility.md "Subscriptions"); id, application, secret and created_at stay. */
export interface SubscriptionFields {
  readonly isEnabled: boolean;
  readonly eventTypes: string[];
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly targetMethod: string;
  readonly targetUrl: string;
  readonly targetHeaders: Record<string, string>;
  readonly retryScheduleMs: number[] | null;
  readonly maxRetries: number | null;
  readonly maxInFlight: number | null;
  readonly maxDeliveriesPerSecond: number | null;
  readonly dedicatedWorkers: string[];
}

export interface NewSubscription extends SubscriptionFields {
  readonly subscriptionId: string;
  readonly applicationId: string;
  readonly secret: string;
}

export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(SubscriptionEntity);
  }

  listLive(applicationId: string): Promise<SubscriptionEntity[]> {
    return this.repository.find({ where: { applicationId, deletedAt: IsNull() }, order: { createdAt: 'ASC', subscriptionId: 'ASC' } });
  }

  /** A live subscription, whatever its application (the caller authorizes against it). */
  findLive(subscriptionId: string): Promise<SubscriptionEntity | null> {
    return this.repository.findOneBy({ subscriptionId, deletedAt: IsNull() });
  }

  async create(subscription: NewSubscription): Promise<SubscriptionEntity> {
    await this.repository.insert(subscription);
    return this.repository.findOneByOrFail({ subscriptionId: subscription.subscriptionId });
  }

  /**
   * Full replace of a live subscription of the application, bumping updated_at; disabling it fails its
   * pending attempts in the same transaction (they are not resumed on re-enable). Null when not found.
   */
  async replace(applicationId: string, subscriptionId: string, fields: SubscriptionFields): Promise<SubscriptionEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const live = { applicationId, subscriptionId, deletedAt: IsNull() };
      const result = await manager.getRepository(SubscriptionEntity).update(live, { ...fields, updatedAt: () => 'now()' });
      if (!result.affected) return null;
      if (!fields.isEnabled) await cancelPendingAttempts(manager, subscriptionId);
      return manager.getRepository(SubscriptionEntity).findOneByOrFail({ subscriptionId });
    });
  }

  /**
   * Soft-deletes a subscription of the application and fails its pending attempts. Deleting a deleted
   * subscription succeeds again (Hook0's quirk) and keeps the first deleted_at. False when unknown.
   */
  async softDelete(applicationId: string, subscriptionId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE subscription SET deleted_at = coalesce(deleted_at, now())
          WHERE application_id = $1 AND subscription_id = $2`,
        [applicationId, subscriptionId],
      );
      if (affected === 0) return false;
      await cancelPendingAttempts(manager, subscriptionId);
      return true;
    });
  }
}

async function cancelPendingAttempts(manager: EntityManager, subscriptionId: string): Promise<void> {
  await manager.query(
    `UPDATE request_attempt SET failed_at = now() WHERE subscription_id = $1 AND succeeded_at IS NULL AND failed_at IS NULL`,
    [subscriptionId],
  );
}
