import type { HandlersOf } from '../../http/route';
import { toRequestAttemptView } from '../request-attempts/request-attempt.presenter';
import { toSubscriptionView } from '../subscriptions/subscription.presenter';
import type { ManualDeliveryService } from './manual-delivery.service';
import type { SecretRotationService } from './secret-rotation.service';
import type { subscriptionActionRoutes } from './subscription-actions.routes';

export function subscriptionActionHandlers(
  rotations: SecretRotationService,
  deliveries: ManualDeliveryService,
): HandlersOf<typeof subscriptionActionRoutes> {
  return {
    rotateSecret: async ({ grant, params, body }) => {
      const rotated = await rotations.rotate(grant, params.subscription_id, body);
      return { ...toSubscriptionView(rotated.subscription), previous_secret_expires_at: rotated.previousSecretExpiresAt };
    },
    test: async ({ grant, params, ip }) => toRequestAttemptView(await deliveries.test(grant, params.subscription_id, ip), new Date()),
    retryAttempt: async ({ grant, params }) => toRequestAttemptView(await deliveries.retry(grant, params.request_attempt_id), new Date()),
  };
}
