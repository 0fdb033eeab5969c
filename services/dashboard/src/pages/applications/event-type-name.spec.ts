import { eventTypeName, eventTypePartProblem, isEventTypeFormValid, toEventTypeBody } from './event-type-name';

const APPLICATION_ID = '00000000-0000-4000-8000-000000000001';

describe('event type form', () => {
  it('names the type service.resource_type.verb, trimmed', () => {
    expect(eventTypeName({ service: ' billing', resourceType: 'invoice ', verb: 'paid' })).toBe('billing.invoice.paid');
  });

  it('maps the form to the API body, trimmed', () => {
    expect(toEventTypeBody(APPLICATION_ID, { service: ' billing', resourceType: 'invoice ', verb: ' paid ' })).toEqual({
      application_id: APPLICATION_ID,
      service: 'billing',
      resource_type: 'invoice',
      verb: 'paid',
    });
  });

  it('refuses a dot inside a part and a part over 50 characters', () => {
    expect(eventTypePartProblem('billing')).toBeNull();
    expect(eventTypePartProblem('billing.v2')).toMatch(/dot/);
    expect(eventTypePartProblem('x'.repeat(51))).toMatch(/50/);
    expect(eventTypePartProblem(` ${'x'.repeat(50)} `)).toBeNull();
  });

  it('is valid when every part is present and acceptable', () => {
    expect(isEventTypeFormValid({ service: 'billing', resourceType: 'invoice', verb: 'paid' })).toBe(true);
    expect(isEventTypeFormValid({ service: 'billing', resourceType: ' ', verb: 'paid' })).toBe(false);
    expect(isEventTypeFormValid({ service: 'billing', resourceType: 'in.voice', verb: 'paid' })).toBe(false);
  });
});
