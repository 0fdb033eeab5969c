import { productVariables } from '@hook0/config';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';

interface EnvironmentVariableView {
  name: string;
  env_var: string;
  description: string;
  default: string | null;
  sensitive: boolean;
  required: boolean;
  group: string;
}

/** GET /environment_variables (docs/hook0-compatibility.md "Instance and health"): the registry of docs/configuration.md, no values. */
describe('GET /environment_variables', () => {
  let harness: ApiHarness;
  let body: EnvironmentVariableView[];
  const byVariable = (name: string) => body.find((entry) => entry.env_var === name);

  beforeAll(async () => {
    harness = await startApiHarness({
      HEALTH_CHECK_KEY: 'health-key-0123456789',
      SUPPORT_EMAIL_ADDRESS: 'help@example.test',
      CONCURRENT: '12',
    });
    const response = await harness.http().get('/environment_variables').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    body = response.body;
  });
  afterAll(() => harness.close());

  it("lists the API's and the dispatcher's variables in Hook0's shape, without a token", () => {
    expect(body.map((entry) => entry.env_var)).toEqual(productVariables().map((variable) => variable.name));
    for (const entry of body)
      expect(Object.keys(entry).sort()).toEqual(['default', 'description', 'env_var', 'group', 'name', 'required', 'sensitive']);
    expect(byVariable('PORT')).toEqual({
      name: 'port',
      env_var: 'PORT',
      description: 'API port; the API lives under /api/v1',
      default: '8081',
      sensitive: false,
      required: false,
      group: 'Web server',
    });
    expect(byVariable('CONCURRENT')).toMatchObject({ name: 'concurrent', default: '256', group: 'Delivery' });
    expect(byVariable('OTEL_EXPORTER_OTLP_ENDPOINT')).toMatchObject({ default: null, group: 'Observability' });
    expect(byVariable('SUPPORT_EMAIL_ADDRESS')?.default).toBeNull();
  });

  it('leaves out the variables only docker-compose.yml reads', () => {
    expect(byVariable('POSTGRES_PASSWORD')).toBeUndefined();
    expect(byVariable('HOOK0_TAG')).toBeUndefined();
  });

  it('shows defaults, never the values in force, and no default of a sensitive variable', () => {
    const text = JSON.stringify(body);
    for (const value of [
      harness.masterKey,
      harness.config.databaseUrl,
      harness.config.amqpUrl,
      'health-key-0123456789',
      'help@example.test',
    ]) {
      expect(text).not.toContain(value);
    }
    expect(byVariable('CONCURRENT')?.default).toBe('256');
    for (const name of ['DATABASE_URL', 'AMQP_URL', 'MASTER_API_KEY', 'HEALTH_CHECK_KEY']) {
      expect(byVariable(name)).toMatchObject({ sensitive: true, default: null });
    }
    expect(text).not.toContain('guest:guest');
  });

  it('gives descriptions as plain text', () => {
    expect(byVariable('BODY_LIMIT_BYTES')?.description).toBe(
      'largest JSON body, counted after decompression; past it, 413 PayloadTooLarge (see Request bodies)',
    );
    for (const entry of body)
      expect({ name: entry.env_var, markdown: /`|\]\(|\*\*/.test(entry.description) }).toEqual({ name: entry.env_var, markdown: false });
  });

  it('ignores an Authorization header, even an invalid one', async () => {
    await harness.http().get('/environment_variables').set('Authorization', 'Bearer nonsense').expect(200);
  });
});
