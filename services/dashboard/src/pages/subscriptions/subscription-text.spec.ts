import { disabledReasonText, formatDateTime, formatMilliseconds, formatRate, healthLabel, subscriptionName } from './subscription-text';

describe('subscription text', () => {
  it('names every health status in words', () => {
    expect([healthLabel('healthy'), healthLabel('failing'), healthLabel('disabled')]).toEqual(['Healthy', 'Failing', 'Disabled by health']);
  });

  it('explains why health disabled a subscription', () => {
    expect(disabledReasonText('gone')).toBe('the endpoint answered 410 Gone');
    expect(disabledReasonText('failing')).toBe('every delivery failed for too long');
    expect(disabledReasonText(null)).toBeNull();
  });

  it('formats dates, rates and latencies, with a stand-in for null', () => {
    expect(formatDateTime('2025-03-04T05:06:00.000Z', '—', 'en-GB', 'UTC')).toBe('4 Mar 2025, 05:06');
    expect(formatDateTime(null, 'never')).toBe('never');
    expect(formatRate(0.9412)).toBe('94.1 %');
    expect(formatRate(null)).toBe('—');
    expect(formatMilliseconds(41.6)).toBe('42 ms');
    expect(formatMilliseconds(null, 'none')).toBe('none');
  });

  it('calls a subscription without description untitled', () => {
    expect(subscriptionName('Orders')).toBe('Orders');
    expect(subscriptionName(null)).toBe('Untitled subscription');
    expect(subscriptionName('  ')).toBe('Untitled subscription');
  });
});
