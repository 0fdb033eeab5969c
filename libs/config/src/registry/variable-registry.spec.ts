import { loadApiConfig } from '../api-config';
import { loadDispatcherConfig } from '../dispatcher-config';
import { EnvReader, type Env } from '../env-reader';
import { CONFIG_VARIABLES, loaderVariables, productVariables } from './variable-registry';

const loaders = { api: loadApiConfig, dispatcher: loadDispatcherConfig } as const;
type Service = keyof typeof loaders;
const SERVICES = Object.keys(loaders) as Service[];

/** The names a loader asks its environment for. */
function namesRead(service: Service): string[] {
  const read = new Set<string>();
  const recording = new Proxy({} as Record<string, string>, {
    get: (_target, name) => {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  }) as Env;
  loaders[service](recording);
  return [...read].sort();
}

describe('the variable registry and the loaders (docs/configuration.md)', () => {
  it.each(SERVICES)('the %s loader reads exactly the config variables the registry declares for it', (service) => {
    expect(namesRead(service)).toEqual(
      loaderVariables(service)
        .map((variable) => variable.name)
        .sort(),
    );
  });

  it('refuses to read a variable the registry does not declare, or declares for the other service', () => {
    expect(() => new EnvReader({}, 'api').string('CONCURENT', 'x')).toThrow(/CONCURENT is not declared for the api/);
    expect(() => new EnvReader({}, 'api').integer('CONCURRENT', 1, 0)).toThrow(/CONCURRENT is not declared for the api/);
    expect(() => new EnvReader({}, 'dispatcher').boolean('REGISTRATION_DISABLED', false)).toThrow(/not declared/);
    expect(() => new EnvReader({}, 'api').optionalString('OTEL_EXPORTER_OTLP_ENDPOINT')).toThrow(/kind config/);
    expect(new EnvReader({ PORT: '1' }, 'api').integer('PORT', 8081, 0)).toBe(1);
  });

  describe.each(SERVICES)('the %s loader', (service) => {
    const literal = loaderVariables(service).filter((variable) => variable.default !== null && !variable.derivedDefault);

    it.each(literal.map((variable) => [variable.name, variable.default as string]))(
      'uses %s=%s, the default shown, when it is unset',
      (name, shown) => {
        expect(loaders[service]({ [name]: shown })).toEqual(loaders[service]({}));
      },
    );
  });

  it('shows the metrics port each service defaults to', () => {
    expect([loadApiConfig({}).metricsPort, loadDispatcherConfig({}).metricsPort]).toEqual([9464, 9465]);
    expect(CONFIG_VARIABLES.find((variable) => variable.name === 'METRICS_PORT')?.default).toBe('9464 (api), 9465 (dispatcher)');
  });
});

describe('the variable registry', () => {
  it('declares each name once, upper snake case, with a description', () => {
    const names = CONFIG_VARIABLES.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    for (const variable of CONFIG_VARIABLES) {
      expect({ name: variable.name, ok: /^[A-Z][A-Z0-9_]*$/.test(variable.name) && variable.description.length > 0 }).toEqual({
        name: variable.name,
        ok: true,
      });
    }
  });

  it('gives deploy variables to compose alone, and product variables to the services', () => {
    for (const variable of CONFIG_VARIABLES) {
      expect({ name: variable.name, compose: variable.service === 'compose' }).toEqual({
        name: variable.name,
        compose: variable.kind === 'deploy',
      });
    }
    expect(productVariables().some((variable) => variable.kind === 'deploy')).toBe(false);
  });

  it('marks the variables holding a secret as sensitive', () => {
    const sensitive = CONFIG_VARIABLES.filter((variable) => variable.sensitive).map((variable) => variable.name);
    expect(sensitive).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'AMQP_URL',
        'MASTER_API_KEY',
        'HEALTH_CHECK_KEY',
        'POSTGRES_PASSWORD',
        'RABBITMQ_DEFAULT_PASS',
        'GRAFANA_ADMIN_PASSWORD',
      ]),
    );
  });
});
