import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { SubscriptionEntity, SubscriptionSecretRepository } from '@hook0/db';
import { WRITE_ACCESS, type ApplicationGrant, type Authorized } from '../../auth/grants';
import { DEFAULT_OVERLAP_SECONDS, type SecretRotationDto } from './subscription-actions.dto';

export interface Rotation {
  readonly subscription: Authorized<SubscriptionEntity>;
  readonly previousSecretExpiresAt: Date | null;
}

/**
 * Secret rotation with overlap (docs/security.md "Secret rotation"): a new random secret at once, the previous one
 * signing alongside it until the overlap ends. Only editors reach it (the route takes the write right), and the
 * previous secret is never shown to anyone.
 */
export class SecretRotationService {
  constructor(private readonly secrets: SubscriptionSecretRepository) {}

  async rotate({ application }: ApplicationGrant, subscriptionId: string, input: SecretRotationDto): Promise<Rotation> {
    const overlapSeconds = input.overlap_seconds ?? DEFAULT_OVERLAP_SECONDS;
    const rotated = await this.secrets.rotate(application.applicationId, subscriptionId, randomUUID(), overlapSeconds);
    if (!rotated) throw new ProblemError('NotFound');
    return {
      subscription: { value: rotated.subscription, access: WRITE_ACCESS },
      previousSecretExpiresAt: rotated.previousSecretExpiresAt,
    };
  }
}
