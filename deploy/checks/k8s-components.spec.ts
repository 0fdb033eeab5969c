import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import {
  containerEnv,
  containerPort,
  named,
  ofKind,
  podSpec,
  renderBaseWith,
  renderKustomization,
  schemaProblem,
  type RenderedObject,
} from './support/k8s-manifests';
import { repoPath } from './support/repo-path';

// k8s/components/*: what needs an add-on, opted into by an overlay. Each one must render on the base alone and
// add (or replace) only what it says.
const base = renderKustomization('k8s/base');
const key = (object: RenderedObject) => `${object.kind}/${object.metadata.name}`;
const baseKeys = new Set(base.map(key));
const added = (objects: readonly RenderedObject[]) =>
  objects
    .filter((object) => !baseKeys.has(key(object)))
    .map(key)
    .sort();
const removed = (objects: readonly RenderedObject[]) => {
  const keys = new Set(objects.map(key));
  return base.filter((object) => !keys.has(key(object))).map(key);
};
const apiEnv = (objects: readonly RenderedObject[]) =>
  containerEnv(podSpec(named(objects, 'Deployment', 'hook0-api')).containers[0], objects);
const apiHost = (objects: readonly RenderedObject[]) => new URL(apiEnv(objects).APP_URL).hostname;

/** The container port behind a port of the hook0-api Service, given by the Service port's name or number. */
function apiContainerPort(objects: readonly RenderedObject[], servicePort: string | number | undefined): number | undefined {
  const port = named(objects, 'Service', 'hook0-api').spec?.ports?.find(
    (candidate) => candidate.name === servicePort || candidate.port === servicePort,
  );
  return containerPort(podSpec(named(objects, 'Deployment', 'hook0-api')).containers[0], port?.targetPort);
}

describe('k8s/components', () => {
  it('are kustomize Components, one per folder', () => {
    const folders = readdirSync(repoPath('k8s/components')).sort();
    expect(folders).toEqual(['gateway-api', 'grafana-dashboard', 'ingress', 'keda', 'prometheus-operator']);
    for (const folder of folders) {
      const kustomization = YAML.parse(readFileSync(repoPath(`k8s/components/${folder}/kustomization.yaml`), 'utf8'));
      expect([folder, kustomization.kind]).toEqual([folder, 'Component']);
    }
  });
});

describe('k8s/components/keda on the base', () => {
  const objects = renderBaseWith('keda');

  it('scales the dispatchers with a ScaledObject in place of the base CPU HPA, which it deletes', () => {
    expect(added(objects)).toEqual(['ScaledObject/hook0-dispatcher', 'TriggerAuthentication/hook0-rabbitmq']);
    expect(removed(objects)).toEqual(['HorizontalPodAutoscaler/hook0-dispatcher']);
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
  });
});

describe('k8s/components/prometheus-operator on the base', () => {
  const objects = renderBaseWith('prometheus-operator');

  it('adds the monitors and the alert rules, schema-valid, in the hook0 namespace', () => {
    expect(added(objects)).toEqual([
      'PodMonitor/hook0-dispatcher',
      'PrometheusRule/hook0',
      'ServiceMonitor/hook0-api',
      'ServiceMonitor/hook0-rabbitmq',
    ]);
    expect(removed(objects)).toEqual([]);
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
    expect(objects.filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== 'hook0').map(key)).toEqual([]);
  });
});

describe('k8s/components/grafana-dashboard on the base', () => {
  it('adds the dashboard ConfigMap for the sidecar and nothing else', () => {
    const objects = renderBaseWith('grafana-dashboard');
    expect(added(objects)).toEqual(['ConfigMap/hook0-grafana-dashboard']);
    expect(named(objects, 'ConfigMap', 'hook0-grafana-dashboard').metadata?.labels?.grafana_dashboard).toBe('1');
  });
});

describe('k8s/components/ingress on the base', () => {
  const objects = renderBaseWith('ingress');

  it('adds one schema-valid Ingress, a built-in kind', () => {
    expect(added(objects).filter((name) => !name.startsWith('ConfigMap/'))).toEqual(['Ingress/hook0-api']);
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
    expect(named(objects, 'Ingress', 'hook0-api').apiVersion).toBe('networking.k8s.io/v1');
  });

  it("routes the host of APP_URL to the API's HTTP port, never to its metrics port", () => {
    const { PORT, METRICS_PORT } = apiEnv(objects);
    const rules = named(objects, 'Ingress', 'hook0-api').spec?.rules ?? [];
    expect(rules.map((rule) => rule.host)).toEqual([apiHost(objects)]);
    const backends = rules
      .flatMap((rule) => rule.http?.paths ?? [])
      .map((path) => apiContainerPort(objects, path.backend.service?.port?.name ?? path.backend.service?.port?.number));
    expect(backends).toEqual([Number(PORT)]);
    expect(backends).not.toContain(Number(METRICS_PORT));
    expect(named(objects, 'Ingress', 'hook0-api').spec?.tls?.[0]?.hosts).toEqual([apiHost(objects)]);
  });

  it('makes the API trust the one proxy in front of it: TRUST_PROXY_HOPS=1', () => {
    expect(apiEnv(objects).TRUST_PROXY_HOPS).toBe('1');
  });

  it('lets ingress-nginx pass bodies as large as the API accepts (BODY_LIMIT_BYTES, 2 MiB by default)', () => {
    const limit = named(objects, 'Ingress', 'hook0-api').metadata?.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'];
    expect(apiEnv(objects).BODY_LIMIT_BYTES).toBeUndefined(); // the default applies
    expect(limit).toBe('2m');
  });
});

describe('k8s/components/gateway-api on the base', () => {
  const objects = renderBaseWith('gateway-api');
  type Route = {
    apiVersion: string;
    spec: {
      parentRefs: { kind?: string; name: string }[];
      hostnames: string[];
      rules: { backendRefs: { kind?: string; name: string; port: number }[] }[];
    };
  };
  const route = () => objects.find((object) => object.kind === 'HTTPRoute') as unknown as Route;

  // No schema model of the Gateway API is installed here: the route's shape is asserted field by field.
  it('adds one gateway.networking.k8s.io/v1 HTTPRoute attached to a Gateway, for the host of APP_URL', () => {
    expect(added(objects).filter((name) => !name.startsWith('ConfigMap/'))).toEqual(['HTTPRoute/hook0-api']);
    expect(route().apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route().spec.parentRefs.map((parent) => parent.kind)).toEqual(['Gateway']);
    expect(route().spec.hostnames).toEqual([apiHost(objects)]);
  });

  it("sends every request to the API's HTTP port", () => {
    const backends = route().spec.rules.flatMap((rule) => rule.backendRefs);
    expect(backends.map((backend) => [backend.kind, backend.name])).toEqual([['Service', 'hook0-api']]);
    expect(backends.map((backend) => apiContainerPort(objects, backend.port))).toEqual([Number(apiEnv(objects).PORT)]);
  });

  it('makes the API trust the one proxy in front of it: TRUST_PROXY_HOPS=1', () => {
    expect(apiEnv(objects).TRUST_PROXY_HOPS).toBe('1');
  });
});

describe('k8s/overlays/prod components', () => {
  it('opts into KEDA, the Prometheus Operator, the Grafana dashboard and the Ingress', () => {
    const kustomization = YAML.parse(readFileSync(repoPath('k8s/overlays/prod/kustomization.yaml'), 'utf8'));
    expect(kustomization.components).toEqual(
      ['keda', 'prometheus-operator', 'grafana-dashboard', 'ingress'].map((name) => `../../components/${name}`),
    );
  });
});

describe('k8s/overlays/dev components', () => {
  it('opts into none, so it applies on a cluster with no add-on', () => {
    expect(YAML.parse(readFileSync(repoPath('k8s/overlays/dev/kustomization.yaml'), 'utf8')).components).toBeUndefined();
    expect(ofKind(renderKustomization('k8s/overlays/dev'), 'HorizontalPodAutoscaler')).toHaveLength(2);
  });
});
