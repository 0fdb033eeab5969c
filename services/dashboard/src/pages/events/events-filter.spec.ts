import { eventsFilterFromSearch, isFiltered, keyValuePairs, matchesEventsFilter, searchForEventsFilter } from './events-filter';

const paid = { event_type_name: 'billing.invoice.paid', labels: { tenant_id: 'acme', env: 'prod' } };
const created = { event_type_name: 'billing.invoice.created', labels: { tenant_id: 'globex' } };

describe('events filter in the address', () => {
  it('reads the event type and label, trimmed', () => {
    expect(eventsFilterFromSearch(new URLSearchParams('event_type=billing.invoice.paid&label=+env%3Dprod+'))).toEqual({
      eventType: 'billing.invoice.paid',
      label: 'env=prod',
    });
    expect(eventsFilterFromSearch(new URLSearchParams(''))).toEqual({ eventType: '', label: '' });
  });

  it('writes only the filters given', () => {
    expect(searchForEventsFilter({ eventType: 'billing.invoice.paid', label: '' }).toString()).toBe('event_type=billing.invoice.paid');
    expect(searchForEventsFilter({ eventType: '', label: 'env=prod' }).toString()).toBe('label=env%3Dprod');
    expect(isFiltered({ eventType: '', label: '' })).toBe(false);
    expect(isFiltered({ eventType: 'x', label: '' })).toBe(true);
  });
});

describe('matchesEventsFilter', () => {
  it('keeps everything without a filter', () => {
    expect([paid, created].filter((e) => matchesEventsFilter(e, { eventType: '', label: '' }))).toEqual([paid, created]);
  });

  it('keeps the events of one type', () => {
    expect([paid, created].filter((e) => matchesEventsFilter(e, { eventType: 'billing.invoice.created', label: '' }))).toEqual([created]);
  });

  it('keeps events with a label of that value, or with that label at all', () => {
    expect([paid, created].filter((e) => matchesEventsFilter(e, { eventType: '', label: 'tenant_id=acme' }))).toEqual([paid]);
    expect([paid, created].filter((e) => matchesEventsFilter(e, { eventType: '', label: 'env' }))).toEqual([paid]);
    expect([paid, created].filter((e) => matchesEventsFilter(e, { eventType: '', label: 'toString' }))).toEqual([]);
  });

  it('needs both filters to match when both are given', () => {
    expect(matchesEventsFilter(paid, { eventType: 'billing.invoice.created', label: 'tenant_id=acme' })).toBe(false);
  });
});

describe('keyValuePairs', () => {
  it('lists a map as sorted key=value pairs', () => {
    expect(keyValuePairs({ tenant_id: 'acme', env: 'prod' })).toEqual(['env=prod', 'tenant_id=acme']);
    expect(keyValuePairs(null)).toEqual([]);
  });
});
