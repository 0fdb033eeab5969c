import { deadReason, DELIVERY_ERROR_NAMES, isSuccessStatus, outcomeLabel } from './delivery-outcome';

describe('DELIVERY_ERROR_NAMES', () => {
  it('are the names Hook0 records (docs/hook0-compatibility.md "Delivery and signatures")', () => {
    expect([...DELIVERY_ERROR_NAMES].sort()).toEqual([
      'E_CONNECTION',
      'E_DNS',
      'E_HTTP',
      'E_INVALID_HEADER',
      'E_INVALID_TARGET',
      'E_TIMEOUT',
      'E_UNKNOWN',
    ]);
  });
});

describe('isSuccessStatus (docs/hook0-compatibility.md "Delivery and signatures")', () => {
  it.each([200, 201, 202, 204, 299])('treats %i as success', (status) => {
    expect(isSuccessStatus(status)).toBe(true);
  });

  it.each([100, 101, 199, 300, 301, 302, 304, 400, 404, 429, 500, 503, 0])('treats %i as failure', (status) => {
    expect(isSuccessStatus(status)).toBe(false);
  });
});

describe('outcomeLabel', () => {
  it.each([
    [null, 'success'],
    ['E_HTTP', 'http_error'],
    ['E_INVALID_TARGET', 'invalid_target'],
    ['E_INVALID_HEADER', 'invalid_target'],
    ['E_TIMEOUT', 'transport_error'],
    ['E_CONNECTION', 'transport_error'],
    ['E_DNS', 'transport_error'],
    ['E_UNKNOWN', 'transport_error'],
  ] as const)('labels %p as %p', (errorName, label) => {
    expect(outcomeLabel(errorName)).toBe(label);
  });

  it('keeps metrics low-cardinality: four labels for every error name', () => {
    const labels = new Set([null, ...DELIVERY_ERROR_NAMES].map(outcomeLabel));
    expect([...labels].sort()).toEqual(['http_error', 'invalid_target', 'success', 'transport_error']);
  });
});

describe('deadReason', () => {
  it('names an unsignable header apart from exhausted retries', () => {
    expect(deadReason('E_INVALID_HEADER')).toBe('invalid_header');
    expect(deadReason('E_HTTP')).toBe('retries_exhausted');
    expect(deadReason('E_TIMEOUT')).toBe('retries_exhausted');
  });
});
