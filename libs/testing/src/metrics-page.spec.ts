import { sampleSum } from './metrics-page';

const PAGE = `# HELP hook0_delivery_attempts_total Delivery attempts
# TYPE hook0_delivery_attempts_total counter
hook0_delivery_attempts_total{outcome="success",status_class="2xx",service="dispatcher"} 3
hook0_delivery_attempts_total{outcome="http_error",status_class="5xx",service="dispatcher"} 2
hook0_delivery_attempts_total_extra 100
hook0_deliveries_in_flight{service="dispatcher"} 1
hook0_outbox_backlog 4
`;

describe('sampleSum', () => {
  it('sums the samples whose labels include the ones asked for', () => {
    expect(sampleSum(PAGE, 'hook0_delivery_attempts_total')).toBe(5);
    expect(sampleSum(PAGE, 'hook0_delivery_attempts_total', { outcome: 'success', status_class: '2xx' })).toBe(3);
    expect(sampleSum(PAGE, 'hook0_delivery_attempts_total', { outcome: 'success', status_class: '5xx' })).toBe(0);
  });

  it('reads samples without labels, and nothing for a name that is only a prefix', () => {
    expect(sampleSum(PAGE, 'hook0_outbox_backlog')).toBe(4);
    expect(sampleSum(PAGE, 'hook0_outbox_backlog', { service: 'api' })).toBe(0);
    expect(sampleSum(PAGE, 'hook0_delivery_attempts')).toBe(0);
  });
});
