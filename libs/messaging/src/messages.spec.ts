import { decodeMessage, dispatchEventMessage, encodeMessage } from './messages';

const EVENT_ID = '0190a8f2-1111-7000-8000-000000000001';
const APPLICATION_ID = '0190a8f2-2222-7000-8000-000000000002';
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('event.dispatch envelopes', () => {
  it('carry the application with the event id, and decode to what was encoded', () => {
    const message = dispatchEventMessage({ applicationId: APPLICATION_ID, eventId: EVENT_ID }, 3);
    expect(message).toEqual({ v: 1, type: 'event.dispatch', applicationId: APPLICATION_ID, eventId: EVENT_ID, dispatchRound: 3 });
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
  });

  it('still decode without applicationId, as published before event ids were scoped per application', () => {
    const legacy = { v: 1, type: 'event.dispatch', eventId: EVENT_ID, dispatchRound: 0 };
    const decoded = decodeMessage(json(legacy));
    expect(decoded).toEqual(legacy);
    expect(decoded && 'applicationId' in decoded).toBe(false);
  });

  it.each([
    ['an applicationId that is not a UUID', { applicationId: 'app' }],
    ['a null applicationId', { applicationId: null }],
    ['a numeric applicationId', { applicationId: 7 }],
    ['no eventId', { eventId: undefined }],
    ['another version', { v: 2 }],
  ])('are refused with %s', (_case, overrides) => {
    const message = { v: 1, type: 'event.dispatch', applicationId: APPLICATION_ID, eventId: EVENT_ID, dispatchRound: 0, ...overrides };
    expect(decodeMessage(json(message))).toBeNull();
  });
});
