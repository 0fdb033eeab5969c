import { randomUUID } from 'node:crypto';
import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';

/** `POST /events/{event_id}/replay` on the API side: a new dispatch round, written with its outbox row. */
describe('event replay', () => {
  const world = useApiWorld();

  const replay = (eventId: string, body: unknown = { application_id: world.tenant.applicationId }, headers = world.auth) =>
    world.harness
      .http()
      .post(`/events/${eventId}/replay`)
      .set(headers)
      .send(body as object);
  const roundOf = async (eventId: string) =>
    (await world.probe.query<{ dispatch_round: number }>('SELECT dispatch_round FROM event WHERE event_id = $1', [eventId]))[0]
      .dispatch_round;

  it('answers 204 with no body and moves the event to its next dispatch round, each time', async () => {
    const eventId = await ingestEvent(world.harness, world.tenant);
    expect(await roundOf(eventId)).toBe(0);
    const response = await replay(eventId).expect(204);
    expect(response.text).toBe('');
    expect(await roundOf(eventId)).toBe(1);
    await replay(eventId.toUpperCase(), { application_id: world.tenant.applicationId.toUpperCase() }).expect(204);
    expect(await roundOf(eventId)).toBe(2);
  });

  it('answers 404 NotFound to an unknown event, and to an event of another application', async () => {
    const other = await createTenant(world.harness);
    const foreign = await ingestEvent(world.harness, other);
    const before = await world.probe.fingerprint();
    expectProblem(await replay(randomUUID()), 404, 'NotFound');
    const master = { Authorization: `Bearer ${world.harness.masterKey}` };
    expectProblem(await replay(foreign, { application_id: world.tenant.applicationId }, master), 404, 'NotFound');
    expect(await roundOf(foreign)).toBe(0);
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it("answers 403 Forbidden to another application's secret, and for an unknown application", async () => {
    const other = await createTenant(world.harness);
    const eventId = await ingestEvent(world.harness, world.tenant);
    expectProblem(
      await replay(eventId, { application_id: world.tenant.applicationId }, { Authorization: `Bearer ${other.secret}` }),
      403,
      'Forbidden',
    );
    expectProblem(
      await replay(eventId, { application_id: randomUUID() }, { Authorization: `Bearer ${world.harness.masterKey}` }),
      403,
      'Forbidden',
    );
    expect(await roundOf(eventId)).toBe(0);
  });

  it.each([
    ['no application_id', {}],
    ['a non-UUID application_id', { application_id: 'app' }],
    ['a numeric application_id', { application_id: 7 }],
  ])('answers 400 JsonPayload to %s, replaying nothing', async (_case, body) => {
    const eventId = await ingestEvent(world.harness, world.tenant);
    expectProblem(await replay(eventId, body), 400, 'JsonPayload');
    expect(await roundOf(eventId)).toBe(0);
  });

  it('answers 400 JsonPayload to a body that is not JSON, 404 to a malformed event id', async () => {
    const eventId = await ingestEvent(world.harness, world.tenant);
    expectProblem(
      await world.harness.http().post(`/events/${eventId}/replay`).set(world.auth).set('Content-Type', 'text/plain').send('{}'),
      400,
      'JsonPayload',
    );
    expectProblem(await replay('not-an-event'), 404, 'NotFound');
    expect(await roundOf(eventId)).toBe(0);
  });

  it('answers 409 EventReplayLimitReached once the event has used every round', async () => {
    const eventId = await ingestEvent(world.harness, world.tenant);
    await world.probe.query('UPDATE event SET dispatch_round = 32767 WHERE event_id = $1', [eventId]);
    expectProblem(await replay(eventId), 409, 'EventReplayLimitReached');
    expect(await roundOf(eventId)).toBe(32767);
  });
});
