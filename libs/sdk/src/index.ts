export { createHook0Client, type Hook0Api, type Hook0Client, type Hook0ClientOptions } from './client';
export { sendEvent, type EventToSend, type SendDependencies, type SentEvent } from './send-event';
export { encodePayload, MAX_PAYLOAD_BYTES, type PayloadContentType } from './event-payload';
export { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_CAP, nextDelayMs, parseRetryAfter, retryPolicy, type RetryPolicy } from './retry-policy';
export { isRetryableAnswer, isRetryableTransportFailure } from './retry-decision';
export { DEFAULT_RESPONSE_BOUNDS, type ResponseBounds } from './bounded-fetch';
export { SDK_VERSION } from './client-headers';
export { Hook0ApiError, Hook0ClientError, Hook0RequestError, Hook0TransportError, type Problem, type TransportFailure } from './errors';
export {
  parseHook0Signature,
  verifyHook0Request,
  verifyHook0Signature,
  type Hook0RequestVerifyInput,
  type Hook0VerifyInput,
  type ParsedHook0Signature,
} from './hook0-signature';
export { verifyStandardWebhook, type StandardWebhookHeaders, type StandardWebhookVerifyInput } from './standard-webhooks';
export {
  DEFAULT_TOLERANCE_SECONDS,
  WebhookVerificationError,
  type HeaderSource,
  type RefusalReason,
  type TimeWindow,
} from './webhook-verification';
export {
  verifiedWebhook,
  verifyWebhook,
  verifyWebhookRequest,
  webhookHandler,
  webhookMiddleware,
  type VerifiedWebhook,
  type WebhookReceiverOptions,
  type WebhookScheme,
} from './webhook-receiver';
export { BodyTooLargeError } from './raw-body';
export type { components, operations, paths } from './generated/hook0-api';
