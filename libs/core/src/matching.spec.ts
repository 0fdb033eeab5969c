import { labelsContain, subscriptionMatches, type MatchableEvent, type MatchableSubscription } from './matching';

const APP = '7f0e0000-0000-4000-8000-000000000001';
const OTHER_APP = '7f0e0000-0000-4000-8000-000000000002';

function subscription(overrides: Partial<MatchableSubscription> = {}): MatchableSubscription {
  return {
    applicationId: APP,
    isEnabled: true,
    deletedAt: null,
    eventTypes: ['billing.invoice.paid', 'billing.invoice.sent'],
    labels: { tenant_id: 'acme' },
    ...overrides,
  };
}

function event(overrides: Partial<MatchableEvent> = {}): MatchableEvent {
  return { applicationId: APP, eventTypeName: 'billing.invoice.paid', labels: { tenant_id: 'acme', env: 'prod' }, ...overrides };
}

describe('subscriptionMatches (docs/hook0-compatibility.md "Matching")', () => {
  it('matches an enabled, live subscription of the same application, type and labels', () => {
    expect(subscriptionMatches(subscription(), event())).toBe(true);
  });

  it('matches any of the subscription event types', () => {
    expect(subscriptionMatches(subscription(), event({ eventTypeName: 'billing.invoice.sent' }))).toBe(true);
  });

  it('skips a disabled subscription', () => {
    expect(subscriptionMatches(subscription({ isEnabled: false }), event())).toBe(false);
  });

  it('skips a soft-deleted subscription', () => {
    expect(subscriptionMatches(subscription({ deletedAt: new Date('2026-05-04T09:00:00Z') }), event())).toBe(false);
  });

  it('skips a subscription of another application', () => {
    expect(subscriptionMatches(subscription({ applicationId: OTHER_APP }), event())).toBe(false);
  });

  it.each([
    ['another type', 'billing.invoice.voided'],
    ['a prefix of a listed type', 'billing.invoice'],
    ['a longer name', 'billing.invoice.paid.late'],
    ['another case', 'Billing.Invoice.Paid'],
    ['surrounding spaces', ' billing.invoice.paid '],
    ['a wildcard-looking type', 'billing.*.paid'],
  ])('compares event types as exact strings: no match with %s', (_label, eventTypeName) => {
    expect(subscriptionMatches(subscription(), event({ eventTypeName }))).toBe(false);
  });

  it('does not treat a subscription event type as a pattern', () => {
    expect(subscriptionMatches(subscription({ eventTypes: ['billing.*'] }), event())).toBe(false);
  });

  it('skips a subscription with no event types', () => {
    expect(subscriptionMatches(subscription({ eventTypes: [] }), event())).toBe(false);
  });

  it('skips when the labels do not match, even if everything else does', () => {
    expect(subscriptionMatches(subscription({ labels: { tenant_id: 'globex' } }), event())).toBe(false);
  });
});

describe('labelsContain: event labels ⊇ subscription labels (JSONB @>)', () => {
  it('accepts identical labels', () => {
    expect(labelsContain({ tenant_id: 'acme' }, { tenant_id: 'acme' })).toBe(true);
  });

  it('lets the event carry extra labels', () => {
    expect(labelsContain({ tenant_id: 'acme', env: 'prod', region: 'eu' }, { tenant_id: 'acme', env: 'prod' })).toBe(true);
  });

  it('needs every subscription label on the event', () => {
    expect(labelsContain({ tenant_id: 'acme' }, { tenant_id: 'acme', env: 'prod' })).toBe(false);
  });

  it('is not symmetric: a subscription with fewer labels matches, one with more does not', () => {
    const rich = { tenant_id: 'acme', env: 'prod' };
    const poor = { tenant_id: 'acme' };
    expect(labelsContain(rich, poor)).toBe(true);
    expect(labelsContain(poor, rich)).toBe(false);
  });

  it('rejects a value mismatch on a shared key', () => {
    expect(labelsContain({ tenant_id: 'acme', env: 'staging' }, { tenant_id: 'acme', env: 'prod' })).toBe(false);
  });

  it('compares keys and values case-sensitively', () => {
    expect(labelsContain({ tenant_id: 'Acme' }, { tenant_id: 'acme' })).toBe(false);
    expect(labelsContain({ Tenant_Id: 'acme' }, { tenant_id: 'acme' })).toBe(false);
  });

  it('compares values exactly, with no trimming or prefix match', () => {
    expect(labelsContain({ tenant_id: 'acme ' }, { tenant_id: 'acme' })).toBe(false);
    expect(labelsContain({ tenant_id: 'acme-corp' }, { tenant_id: 'acme' })).toBe(false);
    expect(labelsContain({ tenant_id: '' }, { tenant_id: 'acme' })).toBe(false);
  });

  it('does not find a label through the prototype chain', () => {
    expect(labelsContain({}, { toString: Object.prototype.toString as unknown as string })).toBe(false);
  });

  it('contains the empty set (subscriptions always have a label, so this never matches everything in practice)', () => {
    expect(labelsContain({ tenant_id: 'acme' }, {})).toBe(true);
  });
});
