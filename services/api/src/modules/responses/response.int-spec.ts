import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { insertResponse } from '../../../test/attempt-fixtures';
import { expectProblem } from '../../../test/problem-assertions';

describe('responses (docs/hook0-compatibility.md "Responses")', () => {
  const world = useApiWorld([]);

  const get = (id: string, applicationId = world.tenant.applicationId, headers = world.auth) =>
    world.harness.http().get(`/responses/${id}`).query({ application_id: applicationId }).set(headers);

  it('returns an HTTP error response exactly in Hook0 shape', async () => {
    const headers = { 'content-type': 'text/plain', 'retry-after': '30' };
    const id = await insertResponse(world.probe, {
      applicationId: world.tenant.applicationId,
      errorName: 'E_HTTP',
      httpCode: 503,
      headers,
      body: 'Service Unavailable',
      elapsedTimeMs: 84,
    });
    expect((await get(id).expect(200)).body).toEqual({
      response_id: id,
      response_error_name: 'E_HTTP',
      http_code: 503,
      headers,
      body: 'Service Unavailable',
      elapsed_time_ms: 84,
    });
  });

  it('returns nulls for a transport error without an HTTP response, and a null error name on success', async () => {
    const timeout = await insertResponse(world.probe, {
      applicationId: world.tenant.applicationId,
      errorName: 'E_TIMEOUT',
      body: 'timed out after 15000 ms',
      elapsedTimeMs: 15000,
    });
    expect((await get(timeout).expect(200)).body).toMatchObject({ response_error_name: 'E_TIMEOUT', http_code: null, headers: null });
    const ok = await insertResponse(world.probe, {
      applicationId: world.tenant.applicationId,
      httpCode: 204,
      headers: {},
      elapsedTimeMs: 3,
    });
    expect((await get(ok).expect(200)).body).toMatchObject({ response_error_name: null, http_code: 204, headers: {}, body: null });
  });

  it('answers 404 for unknown ids, ids of another application and malformed ids; 403 to a foreign secret', async () => {
    const id = await insertResponse(world.probe, { applicationId: world.tenant.applicationId, httpCode: 200 });
    expectProblem(await get('00000000-0000-4000-8000-000000000000'), 404, 'NotFound');
    expectProblem(await get('nope'), 404, 'NotFound');
    const other = await createTenant(world.harness, []);
    const foreign = { Authorization: `Bearer ${other.secret}` };
    expectProblem(await get(id, other.applicationId, foreign), 404, 'NotFound');
    expectProblem(await get(id, world.tenant.applicationId, foreign), 403, 'Forbidden');
    expectProblem(await world.harness.http().get(`/responses/${id}`).set(world.auth), 400, 'InvalidQueryString');
  });
});
