import { named, ofKind, podSpec, renderKustomization, renderOverlay, type RenderedObject } from './support/k8s-manifests';
import { restrictedProfileViolations } from './support/pod-security';

const overlays = { base: renderKustomization('k8s/base'), dev: renderOverlay('dev'), prod: renderOverlay('prod') };
const workloads = (objects: readonly RenderedObject[]) => [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')];
const component = 'app.kubernetes.io/component';

describe.each(Object.entries(overlays))('k8s %s pod security', (_overlay, objects) => {
  it('labels the namespace to enforce, audit and warn on the restricted Pod Security Standard', () => {
    expect(named(objects, 'Namespace', 'hook0').metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });

  it('gives every Deployment and Job a pod spec the restricted profile admits', () => {
    const all = workloads(objects);
    expect(all.map((workload) => workload.metadata?.name).sort()).toEqual(['hook0-api', 'hook0-dispatcher', 'hook0-migrate']);
    const violations = all.map((workload) => [workload.metadata?.name, restrictedProfileViolations(podSpec(workload))]);
    expect(violations).toEqual(all.map((workload) => [workload.metadata?.name, []]));
  });

  it('runs each Deployment and Job under its own ServiceAccount, with no API token mounted', () => {
    const all = workloads(objects);
    const accounts = all.map((workload) => podSpec(workload).serviceAccountName);
    expect(new Set(accounts).size).toBe(all.length);
    for (const workload of all) {
      const name = podSpec(workload).serviceAccountName ?? 'default';
      expect(name).not.toBe('default');
      const account = named(objects, 'ServiceAccount', name);
      expect(account.metadata?.labels?.[component]).toBe(workload.spec?.template.metadata?.labels?.[component]);
      expect([name, account.automountServiceAccountToken, podSpec(workload).automountServiceAccountToken]).toEqual([name, false, false]);
    }
  });

  it('grants those ServiceAccounts no rights: no Role, ClusterRole or binding', () => {
    expect(objects.filter((object) => /Role(Binding)?$/.test(object.kind)).map((object) => object.kind)).toEqual([]);
  });
});

describe('k8s/overlays/prod migration identity', () => {
  it('creates the migration ServiceAccount in an earlier PreSync wave than the Job, so a first install can run it', () => {
    const hook = (object: { metadata?: { annotations?: Record<string, string> } }) => {
      const annotations = object.metadata?.annotations ?? {};
      return { hook: annotations['argocd.argoproj.io/hook'], wave: Number(annotations['argocd.argoproj.io/sync-wave'] ?? 0) };
    };
    const job = hook(named(overlays.prod, 'Job', 'hook0-migrate'));
    const account = hook(
      named(overlays.prod, 'ServiceAccount', podSpec(named(overlays.prod, 'Job', 'hook0-migrate')).serviceAccountName ?? ''),
    );
    expect([job.hook, account.hook]).toEqual(['PreSync', 'PreSync']);
    expect(account.wave).toBeLessThan(job.wave);
  });
});

describe('the restricted profile check itself', () => {
  it('names each rule a pod spec breaks', () => {
    const pod = structuredClone(podSpec(named(overlays.dev, 'Deployment', 'hook0-api')));
    pod.hostNetwork = true;
    pod.securityContext = { ...pod.securityContext, runAsNonRoot: undefined, seccompProfile: undefined };
    pod.volumes = [...(pod.volumes ?? []), { name: 'node', hostPath: { path: '/' } }];
    pod.containers[0].securityContext = { capabilities: { add: ['NET_ADMIN'] }, privileged: true };
    pod.containers[0].ports = [{ containerPort: 8081, hostPort: 8081 }];
    expect(restrictedProfileViolations(pod).sort()).toEqual(
      [
        'pod: hostNetwork',
        'volume node: hostPath',
        'container api: privileged',
        'container api: hostPort',
        'container api: allowPrivilegeEscalation is not false',
        'container api: runAsNonRoot is not true',
        'container api: seccompProfile unset',
        'container api: capabilities do not drop ALL',
        'container api: capabilities add NET_ADMIN',
      ].sort(),
    );
  });
});
