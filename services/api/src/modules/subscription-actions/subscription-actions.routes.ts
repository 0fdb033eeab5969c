import { applicationAccess } from '../../http/access-rule';
import { defineRoute } from '../../http/route';
import { RequestAttemptView, RotatedSubscriptionView } from '../../http/views';
import { RequestAttemptIdParamsDto } from '../request-attempts/request-attempt.dto';
import { SubscriptionIdParamsDto } from '../subscriptions/subscription.dto';
import { ManualDeliveryDto, SecretRotationDto } from './subscription-actions.dto';

const base = { auth: 'token', rateLimit: 'caller', access: applicationAccess('write', 'body') } as const;

/** Extensions acting on a subscription (docs/api.md "Subscription actions"): none changes what a Hook0 client sees. */
export const subscriptionActionRoutes = {
  rotateSecret: defineRoute({
    ...base,
    tag: 'Subscriptions',
    method: 'post',
    path: '/subscriptions/:subscription_id/secret/rotate',
    operationId: 'subscriptions.rotateSecret',
    summary: 'Give a subscription a new secret; the previous one keeps signing for overlap_seconds (extension)',
    params: SubscriptionIdParamsDto,
    body: SecretRotationDto,
    status: 200,
    view: RotatedSubscriptionView,
  }),
  test: defineRoute({
    ...base,
    tag: 'Subscriptions',
    method: 'post',
    path: '/subscriptions/:subscription_id/test',
    operationId: 'subscriptions.test',
    summary: 'Send a signed hook0.subscription.tested event to this subscription only (extension)',
    params: SubscriptionIdParamsDto,
    body: ManualDeliveryDto,
    status: 202,
    view: RequestAttemptView,
  }),
  retryAttempt: defineRoute({
    ...base,
    tag: 'Request attempts',
    method: 'post',
    path: '/request_attempts/:request_attempt_id/retry',
    operationId: 'requestAttempts.retry',
    summary: "Deliver an attempt's event again to its subscription only, with a fresh retry schedule (extension)",
    params: RequestAttemptIdParamsDto,
    body: ManualDeliveryDto,
    status: 202,
    view: RequestAttemptView,
  }),
};
