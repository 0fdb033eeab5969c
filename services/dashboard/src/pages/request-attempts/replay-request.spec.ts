import { defaultReplayWindow, replayRequest } from './replay-request';
import { localInputToIso } from './attempt-filters';

const APP = '11111111-1111-4111-8111-111111111111';
const SUB = '22222222-2222-4222-8222-222222222222';
const span = { from: '2026-03-01T00:00', to: '2026-03-02T00:00' };

describe('replayRequest', () => {
  it('asks for the window and status given, leaving the subscription and type filters out when the page has none', () => {
    expect(replayRequest(APP, { ...span, status: 'failed' }, {}, false)).toEqual({
      body: {
        application_id: APP,
        from: localInputToIso(span.from),
        to: localInputToIso(span.to),
        status: 'failed',
        dry_run: false,
      },
    });
  });

  it('narrows to the subscription and event types the page is filtered on, ignoring the attempt status filter', () => {
    const filters = { subscription_id: SUB, 'event.event_type_names': 'a.b.c, d.e.f', status: 'successful' };
    const request = replayRequest(APP, { ...span, status: 'exhausted' }, filters, true);
    expect(request).toMatchObject({
      body: { subscription_ids: [SUB], event_types: ['a.b.c', 'd.e.f'], status: 'exhausted', dry_run: true },
    });
  });

  it('refuses a window that is missing an end or runs backwards', () => {
    expect(replayRequest(APP, { from: '', to: span.to, status: 'any' }, {}, false)).toEqual({
      problem: 'Give both the start and the end of the window.',
    });
    expect(replayRequest(APP, { from: span.to, to: span.from, status: 'any' }, {}, false)).toEqual({
      problem: 'The start of the window must be before its end.',
    });
  });
});

describe('defaultReplayWindow', () => {
  it('is the last 24 hours to the minute, ending after the current minute', () => {
    const now = new Date(2026, 2, 2, 10, 15, 30);
    expect(defaultReplayWindow(now)).toEqual({ from: '2026-03-01T10:15', to: '2026-03-02T10:16' });
  });
});
