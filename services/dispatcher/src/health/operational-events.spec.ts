import { createLogger } from '@hook0/observability';
import type { EventRepository, EventTypeRepository } from '@hook0/db';
import { OperationalEvents } from './operational-events';

const OPERATIONS = '00000000-0000-4000-8000-00000000000a';
const TENANT = '00000000-0000-4000-8000-00000000000b';

function setup(insertOutcomes: ('created' | 'unknown_event_type')[]) {
  const events = { insertWithOutbox: jest.fn(async () => ({ outcome: insertOutcomes.shift() ?? 'created', receivedAt: new Date() })) };
  const eventTypes = { upsert: jest.fn(async () => ({})) };
  const dispatch = jest.fn(async () => undefined);
  const operational = new OperationalEvents({
    applicationId: OPERATIONS,
    events: events as unknown as EventRepository,
    eventTypes: eventTypes as unknown as EventTypeRepository,
    dispatch,
    logger: createLogger('test', 'error', true),
    now: () => Date.UTC(2026, 0, 1),
  });
  return { operational, events, eventTypes, dispatch };
}

const disabled = (applicationId: string) => ({
  type: 'hook0.subscription.disabled' as const,
  organizationId: 'org',
  applicationId,
  details: { subscription_id: 'sub', reason: 'gone' },
});

describe('OperationalEvents', () => {
  it('ingests into the operators application, labelled with the organization and application, and announces it', async () => {
    const { operational, events, dispatch } = setup(['created']);
    operational.emit(disabled(TENANT));
    await operational.flush();
    const [stored] = events.insertWithOutbox.mock.calls[0] as unknown as [{ applicationId: string; labels: unknown; payload: Buffer }];
    expect(stored).toMatchObject({ applicationId: OPERATIONS, labels: { instance: '1', organization_id: 'org', application_id: TENANT } });
    expect(JSON.parse(stored.payload.toString())).toEqual({
      organization_id: 'org',
      application_id: TENANT,
      subscription_id: 'sub',
      reason: 'gone',
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('says nothing about the operators application itself', async () => {
    const { operational, events } = setup([]);
    operational.emit(disabled(OPERATIONS));
    await operational.flush();
    expect(events.insertWithOutbox).not.toHaveBeenCalled();
  });

  it('creates a missing event type, then ingests', async () => {
    const { operational, events, eventTypes } = setup(['unknown_event_type', 'created']);
    operational.emit(disabled(TENANT));
    await operational.flush();
    expect(eventTypes.upsert).toHaveBeenCalledWith({
      applicationId: OPERATIONS,
      serviceName: 'hook0',
      resourceTypeName: 'subscription',
      verbName: 'disabled',
    });
    expect(events.insertWithOutbox).toHaveBeenCalledTimes(2);
  });

  it('keeps an event the database refused, and stores it at the next flush', async () => {
    const { operational, events } = setup([]);
    events.insertWithOutbox.mockRejectedValueOnce(new Error('database gone'));
    operational.emit(disabled(TENANT));
    await operational.flush();
    await operational.flush();
    expect(events.insertWithOutbox).toHaveBeenCalledTimes(2);
  });
});
