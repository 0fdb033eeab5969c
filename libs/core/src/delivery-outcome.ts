/** Error names recorded on a response (docs/hook0-compatibility.md "Delivery and signatures"). */
export const DELIVERY_ERROR_NAMES = [
  'E_UNKNOWN',
  'E_INVALID_HEADER',
  'E_INVALID_TARGET',
  'E_DNS',
  'E_CONNECTION',
  'E_TIMEOUT',
  'E_HTTP',
] as const;
export type DeliveryErrorName = (typeof DELIVERY_ERROR_NAMES)[number];

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

export type DeliveryOutcomeLabel = 'success' | 'http_error' | 'transport_error' | 'invalid_target';

/** Low-cardinality label for metrics. */
export function outcomeLabel(errorName: DeliveryErrorName | null): DeliveryOutcomeLabel {
  if (errorName === null) return 'success';
  if (errorName === 'E_HTTP') return 'http_error';
  if (errorName === 'E_INVALID_TARGET' || errorName === 'E_INVALID_HEADER') return 'invalid_target';
  return 'transport_error';
}

export const DEAD_REASONS = ['retries_exhausted', 'invalid_header'] as const;
export type DeadReason = (typeof DEAD_REASONS)[number];

/** Why a failed delivery that gets no further attempt is dead-lettered. */
export function deadReason(errorName: DeliveryErrorName): DeadReason {
  return errorName === 'E_INVALID_HEADER' ? 'invalid_header' : 'retries_exhausted';
}
