import { loadApiConfig, loadDispatcherConfig, type Env } from '@hook0/config';
import type { IContainer } from 'kubernetes-models/v1';
import { loadCompose, service } from './support/compose-file';
import { named, podSpec, renderOverlay, type RenderedObject } from './support/k8s-manifests';

// Each deployment's environment goes through the loader the service itself runs at start: a bad value stops the
// process there, and a misspelt name would be silently ignored, so both are caught here.
const loaders = { api: loadApiConfig, dispatcher: loadDispatcherConfig } as const;
type Role = keyof typeof loaders;

interface Startup {
  readonly problem: string | null;
  readonly ignored: string[];
}

function startWith(role: Role, environment: Record<string, string>): Startup {
  const read = new Set<string>();
  const recording = new Proxy(environment, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  }) as Env;
  let problem: string | null = null;
  try {
    loaders[role](recording);
  } catch (error) {
    problem = (error as Error).message;
  }
  return { problem, ignored: Object.keys(environment).filter((name) => !read.has(name)) };
}

/** The environment the kubelet would give the container; Secret values come from the example Secret. */
function podEnvironment(container: IContainer, objects: readonly RenderedObject[], secret: Record<string, string>): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, named(objects, 'ConfigMap', source.configMapRef.name ?? '').data);
    if (source.secretRef) Object.assign(environment, secret);
  }
  for (const variable of container.env ?? []) {
    const secretKey = variable.valueFrom?.secretKeyRef;
    if (secretKey) {
      const value = secret[secretKey.key];
      if (value === undefined && !secretKey.optional) throw new Error(`${variable.name}: the Secret has no key ${secretKey.key}`);
      if (value !== undefined) environment[variable.name] = value;
    } else if (variable.valueFrom?.fieldRef) {
      environment[variable.name] = 'hook0-dispatcher-7d9f8-x2x5q';
    } else {
      environment[variable.name] = variable.value ?? '';
    }
  }
  return environment;
}

const overlays = { dev: renderOverlay('dev'), prod: renderOverlay('prod') };
// Only the dev overlay ships the example Secret; prod expects the real one to exist.
const exampleSecret = (named(overlays.dev, 'Secret', 'hook0-secrets').stringData ?? {}) as Record<string, string>;

describe.each(Object.entries(overlays))('k8s/overlays/%s environment', (_overlay, objects) => {
  it.each(Object.keys(loaders) as Role[])('starts the %s with valid settings, each of them read', (role) => {
    const [container] = podSpec(named(objects, 'Deployment', `hook0-${role}`)).containers;
    expect(startWith(role, podEnvironment(container, objects, exampleSecret))).toEqual({ problem: null, ignored: [] });
  });
});

describe('docker-compose.yml environment', () => {
  const compose = loadCompose();

  it.each(Object.keys(loaders) as Role[])('starts the %s with valid settings, each of them read', (role) => {
    // Compose hands `KEY:` (empty after substitution) to the container as an empty string.
    const environment = Object.entries(service(compose, role).environment ?? {}).map(([name, value]) => [name, String(value ?? '')]);
    expect(startWith(role, Object.fromEntries(environment))).toEqual({ problem: null, ignored: [] });
  });
});

describe('the check itself', () => {
  it('names a variable the service never reads, and a value it refuses', () => {
    expect(startWith('dispatcher', { CONCURENT: '8' }).ignored).toEqual(['CONCURENT']);
    expect(startWith('api', { SHUTDOWN_TIMEOUT: 'soon' }).problem).toContain('SHUTDOWN_TIMEOUT');
  });
});
