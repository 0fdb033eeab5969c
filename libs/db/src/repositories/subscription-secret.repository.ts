import type { DataSource } from 'typeorm';
import { SubscriptionEntity } from '../entities/subscription.entity';

export interface RotatedSubscription {
  readonly subscription: SubscriptionEntity;
  /** When the previous secret stops signing; null when none is live (an overlap of 0). */
  readonly previousSecretExpiresAt: Date | null;
}

export interface LiveOverlap {
  readonly previousSecret: string;
  readonly expiresAt: Date;
}

/**
 * Secret rotation with overlap (docs/security.md "Secret rotation"). The previous secret lives in columns the
 * subscription entity does not map, so no view can ever show it.
 */
export class SubscriptionSecretRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Replaces the secret of a live subscription of the application; the one it replaces keeps signing for
   * `overlapSeconds` (none at 0). Only one previous secret is kept: a rotation during an overlap drops the older one.
   * Null when not found.
   */
  async rotate(
    applicationId: string,
    subscriptionId: string,
    newSecret: string,
    overlapSeconds: number,
  ): Promise<RotatedSubscription | null> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ previous_secret_expires_at: Date | null }[], number] = await manager.query(
        `UPDATE subscription
            SET previous_secret = CASE WHEN $4::integer > 0 THEN secret END,
                previous_secret_expires_at = CASE WHEN $4::integer > 0 THEN now() + $4::integer * interval '1 second' END,
                secret = $3, updated_at = now()
          WHERE application_id = $1 AND subscription_id = $2 AND deleted_at IS NULL
         RETURNING previous_secret_expires_at`,
        [applicationId, subscriptionId, newSecret, overlapSeconds],
      );
      if (rows.length === 0) return null;
      const subscription = await manager.getRepository(SubscriptionEntity).findOneByOrFail({ subscriptionId });
      return { subscription, previousSecretExpiresAt: rows[0].previous_secret_expires_at };
    });
  }

  /** The previous secret of a subscription whose current secret is `currentSecret`, while it still signs. */
  async liveOverlap(subscriptionId: string, currentSecret: string): Promise<LiveOverlap | null> {
    const rows: { previous_secret: string; previous_secret_expires_at: Date }[] = await this.dataSource.query(
      `SELECT previous_secret::text, previous_secret_expires_at FROM subscription
        WHERE subscription_id = $1 AND secret = $2 AND previous_secret_expires_at > now()`,
      [subscriptionId, currentSecret],
    );
    return rows[0] ? { previousSecret: rows[0].previous_secret, expiresAt: rows[0].previous_secret_expires_at } : null;
  }
}
