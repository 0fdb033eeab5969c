import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { expectProblem } from '../../../test/problem-assertions';

const HEALTHY_SHAPE = {
  database: true,
  pulsar: null,
  object_storage: null,
  database_duration_ms: expect.any(Number),
  pulsar_duration_ms: null,
  object_storage_duration_ms: null,
  total_duration_ms: expect.any(Number),
  rabbitmq: true,
  rabbitmq_duration_ms: expect.any(Number),
};

/** `GET /health` and HEALTH_CHECK_KEY (docs/hook0-compatibility.md "Instance and health"). */
describe('GET /health', () => {
  const harnesses: ApiHarness[] = [];
  const start = async (env: Record<string, string>) => {
    const harness = await startApiHarness(env);
    harnesses.push(harness);
    return harness;
  };
  afterAll(() => Promise.all(harnesses.map((harness) => harness.close())));

  it('is 404 NotFound while HEALTH_CHECK_KEY is unset, whatever key is given', async () => {
    const harness = await start({});
    expectProblem(await harness.http().get('/health'), 404, 'NotFound');
    expectProblem(await harness.http().get('/health').query({ key: 'anything' }), 404, 'NotFound');
  });

  it('is public when HEALTH_CHECK_KEY is empty, and reports PostgreSQL and RabbitMQ', async () => {
    const harness = await start({ HEALTH_CHECK_KEY: '' });
    const response = await harness.http().get('/health').expect(200);
    expect(response.body).toEqual(HEALTHY_SHAPE);
    expect(Object.keys(response.body).slice(0, 7)).toEqual([
      'database',
      'pulsar',
      'object_storage',
      'database_duration_ms',
      'pulsar_duration_ms',
      'object_storage_duration_ms',
      'total_duration_ms',
    ]);
    await harness.http().get('/health').query({ key: 'ignored' }).expect(200);
  });

  it('wants the key when HEALTH_CHECK_KEY is set: 403 Forbidden without it or with another one', async () => {
    const harness = await start({ HEALTH_CHECK_KEY: 's3cret' });
    expectProblem(await harness.http().get('/health'), 403, 'Forbidden');
    expectProblem(await harness.http().get('/health').query({ key: 's3cre' }), 403, 'Forbidden');
    expectProblem(await harness.http().get('/health').query({ key: 's3cretx' }), 403, 'Forbidden');
    expectProblem(await harness.http().get('/health').query({ key: '' }), 403, 'Forbidden');
    expect((await harness.http().get('/health').query({ key: 's3cret' }).expect(200)).body).toEqual(HEALTHY_SHAPE);
  });

  it('answers 400 InvalidQueryString to a repeated key', async () => {
    const harness = harnesses[harnesses.length - 1];
    expectProblem(await harness.http().get('/health?key=s3cret&key=s3cret'), 400, 'InvalidQueryString');
  });
});
