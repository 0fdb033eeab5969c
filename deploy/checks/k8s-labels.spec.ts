import {
  named,
  ofKind,
  podSpec,
  renderBaseWith,
  renderKustomization,
  renderOverlay,
  type Of,
  type RenderedObject,
} from './support/k8s-manifests';
import { matchesSelector, type LabelSelector } from './support/k8s-network';

// The recommended labels (k8s/base/kustomization.yaml): every object names the application and, for what belongs
// to one role, its component; selectors use exactly those two, so they select the same pods in every overlay.
const NAME = 'app.kubernetes.io/name';
const COMPONENT = 'app.kubernetes.io/component';
const VERSION = 'app.kubernetes.io/version';
const SELECTOR_KEYS = [COMPONENT, NAME];

const renders = {
  base: renderKustomization('k8s/base'),
  dev: renderOverlay('dev'),
  prod: renderOverlay('prod'),
  // The one component no overlay opts into.
  'base with gateway-api': renderBaseWith('gateway-api'),
};

type Workload = Of<'Deployment'> | Of<'Job'>;
const roles = { 'hook0-api': 'api', 'hook0-dispatcher': 'dispatcher', 'hook0-migrate': 'migrate' } as Record<string, string>;
const workloads = (objects: readonly RenderedObject[]): Workload[] => [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')];
const labelsOf = (object: RenderedObject) => (object.metadata as { labels?: Record<string, string> }).labels ?? {};
const podLabels = (workload: Workload) => workload.spec?.template.metadata?.labels ?? {};
const imageTag = (workload: Workload) => podSpec(workload).containers[0].image?.split(':')[1];
const id = (object: { kind?: string; metadata?: { name?: string } }) => `${object.kind}/${object.metadata?.name}`;

/** Every label selector of the rendered objects that picks pods of this namespace, with what it must select. */
function podSelectors(objects: readonly RenderedObject[]): { owner: string; selector: LabelSelector; one: boolean }[] {
  const selectors = [
    ...ofKind(objects, 'Deployment').map((deployment) => ({ owner: id(deployment), selector: deployment.spec!.selector, one: true })),
    ...ofKind(objects, 'Service').map((service) => ({ owner: id(service), selector: { matchLabels: service.spec?.selector }, one: true })),
    ...ofKind(objects, 'PodDisruptionBudget').map((budget) => ({ owner: id(budget), selector: budget.spec?.selector ?? {}, one: true })),
    ...ofKind(objects, 'PodMonitor').map((monitor) => ({ owner: id(monitor), selector: monitor.spec.selector, one: true })),
    // The default deny selects every pod of the namespace on purpose; every other policy selects Hook0 pods.
    ...ofKind(objects, 'NetworkPolicy')
      .filter((policy) => policy.metadata?.name !== 'hook0-default-deny')
      .map((policy) => ({ owner: id(policy), selector: policy.spec?.podSelector ?? {}, one: false })),
    ...ofKind(objects, 'Deployment').flatMap((deployment) =>
      (podSpec(deployment).topologySpreadConstraints ?? []).map((constraint) => ({
        owner: `${id(deployment)} spread`,
        selector: constraint.labelSelector ?? {},
        one: true,
      })),
    ),
  ];
  return selectors as { owner: string; selector: LabelSelector; one: boolean }[];
}

describe.each(Object.entries(renders))('k8s %s labels and selectors', (_name, objects) => {
  const tag = imageTag(named(objects, 'Deployment', 'hook0-api'));

  it('runs every workload on one image tag, which every object carries as app.kubernetes.io/version', () => {
    expect(new Set(workloads(objects).map(imageTag))).toEqual(new Set([tag]));
    const wrong = objects.filter((object) => labelsOf(object)[VERSION] !== tag).map(id);
    expect(wrong).toEqual([]);
  });

  it('labels every object app.kubernetes.io/name=hook0, part-of hook0, managed-by kustomize', () => {
    const expected = { [NAME]: 'hook0', 'app.kubernetes.io/part-of': 'hook0', 'app.kubernetes.io/managed-by': 'kustomize' };
    const unlabelled = objects
      .filter((object) => !Object.entries(expected).every(([key, value]) => labelsOf(object)[key] === value))
      .map(id);
    expect(unlabelled).toEqual([]);
  });

  it('labels each workload, its pod template and its ServiceAccount with its component', () => {
    for (const workload of workloads(objects)) {
      const role = roles[workload.metadata?.name ?? ''];
      const account = named(objects, 'ServiceAccount', podSpec(workload).serviceAccountName ?? '');
      const components = [labelsOf(workload as RenderedObject), podLabels(workload), labelsOf(account as RenderedObject)].map(
        (labels) => labels[COMPONENT],
      );
      expect([workload.metadata?.name, components]).toEqual([workload.metadata?.name, [role, role, role]]);
      expect(podLabels(workload)).toMatchObject({ [NAME]: 'hook0', [VERSION]: tag });
    }
  });

  it('selects Deployment pods by name and component only: never the version, which changes at every release', () => {
    for (const deployment of ofKind(objects, 'Deployment')) {
      expect(deployment.spec?.selector).toEqual({ matchLabels: { [NAME]: 'hook0', [COMPONENT]: roles[deployment.metadata?.name ?? ''] } });
    }
  });

  it('makes every pod selector (Deployments, Services, budgets, monitors, network policies, spread) pick Hook0 pods by the recommended labels', () => {
    const selectors = podSelectors(objects);
    expect(selectors.length).toBeGreaterThan(10);
    for (const { owner, selector, one } of selectors) {
      const keys = [...Object.keys(selector.matchLabels ?? {}), ...(selector.matchExpressions ?? []).map((expression) => expression.key)];
      const selected = workloads(objects).filter((workload) => matchesSelector(selector, podLabels(workload)));
      expect([owner, keys.every((key) => SELECTOR_KEYS.includes(key)), selector.matchLabels?.[NAME]]).toEqual([owner, true, 'hook0']);
      expect([owner, one ? selected.length === 1 : selected.length > 0]).toEqual([owner, true]);
      const component = selector.matchLabels?.[COMPONENT];
      if (component)
        expect([owner, selected.map((workload) => podLabels(workload)[COMPONENT])]).toEqual([owner, selected.map(() => component)]);
    }
  });

  it('points every ServiceMonitor of this namespace at a Service of the API by the same labels', () => {
    for (const monitor of ofKind(objects, 'ServiceMonitor').filter((candidate) => !candidate.spec.namespaceSelector)) {
      const services = ofKind(objects, 'Service').filter((service) =>
        matchesSelector(monitor.spec.selector as LabelSelector, labelsOf(service as RenderedObject)),
      );
      expect(services.map((service) => service.metadata?.name)).toEqual(['hook0-api']);
      expect(monitor.spec.selector.matchLabels).toEqual({ [NAME]: 'hook0', [COMPONENT]: 'api' });
    }
  });

  it('aims every autoscaler at a Deployment of this render', () => {
    const targets = [...ofKind(objects, 'HorizontalPodAutoscaler'), ...ofKind(objects, 'ScaledObject')].map(
      (scaler) => scaler.spec?.scaleTargetRef,
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(named(objects, 'Deployment', target?.name ?? '').metadata?.name).toBe(target?.name);
  });

  it('lets every disruption budget evict pods that are not ready (unhealthyPodEvictionPolicy: AlwaysAllow)', () => {
    const budgets = ofKind(objects, 'PodDisruptionBudget');
    expect(budgets.map((budget) => budget.metadata?.name).sort()).toEqual(['hook0-api', 'hook0-dispatcher']);
    for (const budget of budgets)
      expect([budget.metadata?.name, budget.spec?.unhealthyPodEvictionPolicy]).toEqual([budget.metadata?.name, 'AlwaysAllow']);
  });
});
