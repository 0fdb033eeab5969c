import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseDuration } from '@hook0/core';
import { buildTopology } from '@hook0/messaging';
import {
  containerEnv,
  containerPort,
  named,
  ofKind,
  podSpec,
  renderKustomization,
  renderOverlay,
  schemaProblem,
  selects,
  type RenderedObject,
} from './support/k8s-manifests';
import { REPO_ROOT } from './support/repo-path';
import { scrapeTargets } from './support/k8s-monitoring';

// What each overlay promises (k8s/overlays/*/kustomization.yaml): dev opts into no component, so it applies on any
// cluster and scales the dispatchers with the base's CPU HPA; prod opts into KEDA, the Prometheus Operator, the
// Grafana dashboard and the Ingress.
const overlays = {
  dev: {
    api: { min: 1, max: 2 },
    dispatchers: { min: 1, max: 3, by: 'HorizontalPodAutoscaler' },
    logLevel: 'debug',
    imageTag: 'latest',
    addOns: false,
  },
  prod: {
    api: { min: 3, max: 10 },
    dispatchers: { min: 2, max: 20, by: 'ScaledObject' },
    logLevel: 'info',
    imageTag: '0.1.0',
    addOns: true,
  },
} as const;

/** API groups every cluster serves: the base (and the dev overlay) may use nothing else. */
const BUILT_IN_GROUPS = ['', 'apps', 'batch', 'policy', 'networking.k8s.io', 'autoscaling', 'rbac.authorization.k8s.io'];
const groupOf = (object: RenderedObject) => (object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '');
const notBuiltIn = (objects: readonly RenderedObject[]) =>
  objects.filter((object) => !BUILT_IN_GROUPS.includes(groupOf(object))).map((object) => `${object.apiVersion} ${object.kind}`);

// The image's commands (one image, the command picks the role), with the source each built file comes from.
const roles = [
  { workload: 'Deployment', name: 'hook0-api', command: ['node', 'services/api/dist/main.js'], source: 'services/api/src/main.ts' },
  {
    workload: 'Deployment',
    name: 'hook0-dispatcher',
    command: ['node', 'services/dispatcher/dist/main.js'],
    source: 'services/dispatcher/src/main.ts',
  },
  { workload: 'Job', name: 'hook0-migrate', command: ['node', 'libs/db/dist/migrate-cli.js'], source: 'libs/db/src/migrate-cli.ts' },
] as const;

const rendered = new Map<string, RenderedObject[]>();
function render(overlay: string): RenderedObject[] {
  if (!rendered.has(overlay)) rendered.set(overlay, renderOverlay(overlay));
  return rendered.get(overlay)!;
}

describe('k8s/base', () => {
  const objects = renderKustomization('k8s/base');

  it('renders with kubectl kustomize into built-in kinds only, so it applies on a cluster without KEDA or the Prometheus Operator', () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(notBuiltIn(objects)).toEqual([]);
  });

  it('renders objects that each validate against the schema of their kind, all in the hook0 namespace', () => {
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
    expect(objects.filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== 'hook0')).toEqual([]);
  });

  it('scales both Deployments with built-in HorizontalPodAutoscalers on CPU', () => {
    const targets = ofKind(objects, 'HorizontalPodAutoscaler').map((hpa) => [
      hpa.spec?.scaleTargetRef.name,
      hpa.spec?.metrics?.map((metric) => metric.resource?.name),
    ]);
    expect(targets.sort()).toEqual([
      ['hook0-api', ['cpu']],
      ['hook0-dispatcher', ['cpu']],
    ]);
  });

  it('assumes no proxy in front of the API (TRUST_PROXY_HOPS=0): only the ingress components add one', () => {
    expect(containerEnv(podSpec(named(objects, 'Deployment', 'hook0-api')).containers[0], objects).TRUST_PROXY_HOPS).toBe('0');
  });
});

const workloads = (objects: readonly RenderedObject[]) => [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')];
const onlyContainer = (objects: readonly RenderedObject[], deployment: string) =>
  podSpec(named(objects, 'Deployment', deployment)).containers[0];
const durationSeconds = (text: string) => (parseDuration(text) ?? Number.NaN) / 1000;

describe.each(Object.entries(overlays))('k8s/overlays/%s', (overlay, expected) => {
  let objects: RenderedObject[];
  beforeAll(() => {
    objects = render(overlay);
  });

  it('renders objects that each validate against the schema of their kind', () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
  });

  it(`contains ${expected.addOns ? 'the KEDA and Prometheus Operator kinds of the components it opts into' : 'built-in kinds only'}`, () => {
    const kinds = new Set(objects.map((object) => object.kind));
    const addOnKinds = ['ScaledObject', 'TriggerAuthentication', 'ServiceMonitor', 'PodMonitor', 'PrometheusRule'];
    expect(addOnKinds.filter((kind) => kinds.has(kind))).toEqual(expected.addOns ? addOnKinds : []);
    if (!expected.addOns) expect(notBuiltIn(objects)).toEqual([]);
  });

  it('puts every namespaced object in the hook0 namespace', () => {
    expect(named(objects, 'Namespace', 'hook0')).toBeDefined();
    const elsewhere = objects.filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== 'hook0');
    expect(elsewhere.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([]);
  });

  it('runs each role with its command from the image, on a built entry point of this repository', () => {
    for (const role of roles) {
      const [container] = podSpec(named(objects, role.workload, role.name)).containers;
      expect(container.command).toEqual(role.command);
      expect(container.image).toBe(`ghcr.io/hook0-ts/hook0-ts:${expected.imageTag}`);
      expect(existsSync(path.join(REPO_ROOT, role.source))).toBe(true);
    }
  });

  it('gives every container requests and limits and runs it as user 10001, read-only, without capabilities', () => {
    for (const workload of workloads(objects)) {
      const pod = podSpec(workload);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } });
      for (const container of pod.containers) {
        for (const bound of ['requests', 'limits'] as const) {
          expect(container.resources?.[bound]).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        }
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it.each([
    ['hook0-api', 9464],
    ['hook0-dispatcher', 9465],
  ])('probes %s on /readyz and /healthz on its metrics port (%d)', (deployment, metricsPort) => {
    const container = onlyContainer(objects, deployment);
    expect(Number(containerEnv(container, objects).METRICS_PORT)).toBe(metricsPort);
    expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
    for (const probe of [container.livenessProbe, container.startupProbe]) expect(probe?.httpGet?.path).toBe('/healthz');
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      expect(containerPort(container, probe?.httpGet?.port)).toBe(metricsPort);
    }
  });

  it('lets the dispatcher finish in-flight deliveries: terminationGracePeriodSeconds above its SHUTDOWN_TIMEOUT', () => {
    const shutdownSeconds = durationSeconds(containerEnv(onlyContainer(objects, 'hook0-dispatcher'), objects).SHUTDOWN_TIMEOUT);
    expect(shutdownSeconds).toBeGreaterThan(0);
    expect(podSpec(named(objects, 'Deployment', 'hook0-dispatcher')).terminationGracePeriodSeconds).toBeGreaterThan(shutdownSeconds);
  });

  it('lets the API drain: terminationGracePeriodSeconds above its preStop pause plus SHUTDOWN_TIMEOUT', () => {
    const container = onlyContainer(objects, 'hook0-api');
    const drainSeconds =
      durationSeconds(containerEnv(container, objects).SHUTDOWN_TIMEOUT) + (container.lifecycle?.preStop?.sleep?.seconds ?? 0);
    expect(podSpec(named(objects, 'Deployment', 'hook0-api')).terminationGracePeriodSeconds).toBeGreaterThan(drainSeconds);
  });

  it('selects Deployment pods from every Service and PodDisruptionBudget, on ports the pods declare', () => {
    const podLabels = ofKind(objects, 'Deployment').map((deployment) => deployment.spec?.template.metadata?.labels);
    for (const service of ofKind(objects, 'Service')) {
      const [deployment] = ofKind(objects, 'Deployment').filter((candidate) =>
        selects(service.spec?.selector, candidate.spec?.template.metadata?.labels),
      );
      expect(deployment).toBeDefined();
      const [container] = podSpec(deployment).containers;
      for (const port of service.spec?.ports ?? []) expect(containerPort(container, port.targetPort)).toEqual(expect.any(Number));
    }
    for (const budget of ofKind(objects, 'PodDisruptionBudget')) {
      expect(podLabels.filter((labels) => selects(budget.spec?.selector?.matchLabels, labels))).toHaveLength(1);
    }
  });

  it('leaves replica counts to the autoscalers: the API HPA on CPU, the dispatchers one autoscaler each', () => {
    for (const deployment of ofKind(objects, 'Deployment')) expect(deployment.spec?.replicas).toBeUndefined();
    const hpa = named(objects, 'HorizontalPodAutoscaler', 'hook0-api');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'hook0-api' });
    expect(hpa.spec?.metrics?.map((metric) => metric.resource?.name)).toEqual(['cpu']);
    expect({ min: hpa.spec?.minReplicas, max: hpa.spec?.maxReplicas }).toEqual(expected.api);
    // KEDA makes the dispatcher's own HPA: a second autoscaler on the same Deployment would fight it.
    const hpas = ofKind(objects, 'HorizontalPodAutoscaler').filter(
      (candidate) => candidate.spec?.scaleTargetRef.name === 'hook0-dispatcher',
    );
    const scaledObjects = ofKind(objects, 'ScaledObject').filter((candidate) => candidate.spec.scaleTargetRef.name === 'hook0-dispatcher');
    const bounds = [
      ...hpas.map((scaler) => [scaler.kind, scaler.spec?.minReplicas, scaler.spec?.maxReplicas]),
      ...scaledObjects.map((scaler) => [scaler.kind, scaler.spec.minReplicaCount, scaler.spec.maxReplicaCount]),
    ];
    expect(bounds).toEqual([[expected.dispatchers.by, expected.dispatchers.min, expected.dispatchers.max]]);
  });

  it('runs the migration as a Job with bounded retries that is removed once finished', () => {
    const job = named(objects, 'Job', 'hook0-migrate');
    expect(job.spec?.backoffLimit).toBeGreaterThan(0);
    expect(job.spec?.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expect(podSpec(job).restartPolicy).toBe('Never');
  });

  it('reads every secret from hook0-secrets, by keys the example Secret documents', () => {
    const example = named(render('dev'), 'Secret', 'hook0-secrets');
    const documented = Object.keys(example.stringData ?? {});
    const references = workloads(objects).flatMap((workload) => podSpec(workload).containers.flatMap((container) => container.env ?? []));
    const required = references.map((variable) => variable.valueFrom?.secretKeyRef).filter((ref) => ref && !ref.optional);
    expect(required.length).toBeGreaterThan(0);
    for (const ref of required) expect([ref?.name, documented.includes(ref?.key ?? '')]).toEqual(['hook0-secrets', true]);
    expect(documented).toContain('KEDA_RABBITMQ_HOST');
  });

  it('sets its log level through the shared ConfigMap', () => {
    expect(containerEnv(onlyContainer(objects, 'hook0-api'), objects).LOG_LEVEL).toBe(expected.logLevel);
    expect(containerEnv(onlyContainer(objects, 'hook0-dispatcher'), objects).LOG_LEVEL).toBe(expected.logLevel);
  });
});

describe('k8s/overlays/dev', () => {
  it('carries the example Secret, so a dev cluster starts without extra steps', () => {
    expect(named(render('dev'), 'Secret', 'hook0-secrets').metadata?.namespace).toBe('hook0');
  });
});

describe('k8s/overlays/prod', () => {
  let objects: RenderedObject[];
  beforeAll(() => {
    objects = render('prod');
  });

  it('scales the dispatcher Deployment with KEDA on the work queues of the topology, never on a wait queue', () => {
    const common = containerEnv(onlyContainer(objects, 'hook0-dispatcher'), objects);
    const topology = buildTopology(common.AMQP_PREFIX, parseDuration(common.WAIT_LADDER_MIN)!, parseDuration(common.WAIT_LADDER_MAX)!);
    const waitQueues = topology.waitTiers.map((tier) => tier.queue);
    const [scaled, ...others] = ofKind(objects, 'ScaledObject');
    expect(others).toEqual([]);
    expect(scaled.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'hook0-dispatcher' });
    expect(scaled.spec.cooldownPeriod).toBeGreaterThan(0);
    const queues = scaled.spec.triggers.map((trigger) => trigger.metadata.queueName);
    expect(queues.sort()).toEqual([topology.deliverQueue, topology.dispatchQueue].sort());
    expect(queues.filter((queue) => waitQueues.includes(queue))).toEqual([]);
    for (const trigger of scaled.spec.triggers) {
      expect(trigger).toMatchObject({ type: 'rabbitmq', metadata: { mode: 'QueueLength', protocol: 'amqp' } });
      expect(Number(trigger.metadata.value)).toBeGreaterThan(0);
      const auth = named(objects, 'TriggerAuthentication', trigger.authenticationRef?.name ?? '');
      expect(auth.spec?.secretTargetRef).toEqual([{ parameter: 'host', name: 'hook0-secrets', key: 'KEDA_RABBITMQ_HOST' }]);
    }
  });

  it('hands Grafana deploy/grafana/dashboards/hook0.json, unchanged (after editing it: npm run k8s:sync)', () => {
    const dashboard = named(objects, 'ConfigMap', 'hook0-grafana-dashboard');
    expect(dashboard.metadata?.labels?.grafana_dashboard).toBe('1');
    expect(dashboard.data?.['hook0.json']).toBe(readFileSync(path.join(REPO_ROOT, 'deploy/grafana/dashboards/hook0.json'), 'utf8'));
    // kubectl apply keeps the whole object in an annotation, which may not exceed 256 KiB.
    expect(Buffer.byteLength(JSON.stringify(dashboard))).toBeLessThan(256 * 1024);
  });

  it('loads the alert rules of deploy/prometheus/rules/hook0.rules.yaml (after editing it: npm run k8s:sync)', () => {
    const rules = YAML.parse(readFileSync(path.join(REPO_ROOT, 'deploy/prometheus/rules/hook0.rules.yaml'), 'utf8'));
    expect(named(objects, 'PrometheusRule', 'hook0').spec?.groups).toEqual(rules.groups);
  });

  it('scrapes under the job names of docker-compose: hook0-api, hook0-dispatcher, rabbitmq', () => {
    const targets = scrapeTargets(objects);
    expect(targets.map((target) => target.job).sort()).toEqual(['hook0-api', 'hook0-dispatcher', 'rabbitmq']);
    for (const target of targets.filter((candidate) => candidate.job !== 'rabbitmq')) {
      expect(target).toMatchObject({ path: '/metrics', port: target.metricsPort });
    }
    expect(targets.find((target) => target.job === 'rabbitmq')?.path).toBe('/metrics/per-object');
  });

  it('leaves the example Secret out, so an apply never overwrites the real one', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
  });

  it('keeps a floor of pods through voluntary disruptions', () => {
    const floors = ofKind(objects, 'PodDisruptionBudget').map((budget) => [
      budget.metadata?.name,
      budget.spec?.minAvailable,
      budget.spec?.maxUnavailable,
    ]);
    expect(floors.sort()).toEqual([
      ['hook0-api', 2, undefined],
      ['hook0-dispatcher', 1, undefined],
    ]);
  });

  it('spreads API and dispatcher pods over zones and nodes', () => {
    for (const deployment of ofKind(objects, 'Deployment')) {
      const constraints = podSpec(deployment).topologySpreadConstraints ?? [];
      expect(constraints.map((constraint) => constraint.topologyKey).sort()).toEqual([
        'kubernetes.io/hostname',
        'topology.kubernetes.io/zone',
      ]);
      for (const constraint of constraints)
        expect(selects(constraint.labelSelector?.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
    }
  });

  it('migrates before the rollout (Argo CD PreSync hook)', () => {
    expect(named(objects, 'Job', 'hook0-migrate').metadata?.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'PreSync' });
  });
});
