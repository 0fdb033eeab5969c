import type { INetworkPolicyPeer, INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1';
import { containerPort, ofKind, podSpec, type Of, type RenderedObject } from './k8s-manifests';

export type LabelSelector = NonNullable<INetworkPolicyPeer['podSelector']>;
export type Peer = INetworkPolicyPeer;

/** One allow rule as it applies to a pod: its peers ('anywhere' when the rule names none), its ports as "TCP/8081". */
export interface Flow {
  readonly peers: readonly Peer[] | 'anywhere';
  readonly ports: readonly string[] | 'all';
}

/** The union of the NetworkPolicies that select a pod, as the CNI would enforce them. */
export interface PodNetwork {
  readonly policies: readonly string[];
  /** Once a policy of that direction selects the pod, only the flows listed are allowed. */
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly ingress: readonly Flow[];
  readonly egress: readonly Flow[];
}

/** The API server's label-selector semantics: an empty selector selects every pod. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return false;
  const pairs = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
      case 'In':
        return has && values.includes(labels[key]);
      case 'NotIn':
        return !has || !values.includes(labels[key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return pairs && expressions;
}

/** Without policyTypes, a policy isolates ingress always and egress when it has egress rules. */
function policyTypes(policy: Of<'NetworkPolicy'>): readonly string[] {
  return policy.spec?.policyTypes ?? ['Ingress', ...(policy.spec?.egress ? ['Egress'] : [])];
}

type Workload = Of<'Deployment'> | Of<'Job'>;

/**
 * Ingress ports name the selected pod's own ports, so their names resolve against its container; egress port names
 * belong to the destination and stay names.
 */
function portsOf(ports: readonly INetworkPolicyPort[] | undefined, own: Workload | null): readonly string[] | 'all' {
  if (!ports?.length) return 'all';
  const container = own && podSpec(own).containers[0];
  const number = (port: INetworkPolicyPort['port']) =>
    typeof port === 'string' && container ? (containerPort(container, port) ?? port) : port;
  return ports.map((port) => `${port.protocol ?? 'TCP'}/${number(port.port)}`).sort();
}

function flow(peers: readonly Peer[] | undefined, ports: readonly INetworkPolicyPort[] | undefined, own: Workload | null): Flow {
  return { peers: peers?.length ? peers : 'anywhere', ports: portsOf(ports, own) };
}

export function podNetwork(objects: readonly RenderedObject[], workload: Workload): PodNetwork {
  const labels = workload.spec?.template.metadata?.labels;
  const policies = ofKind(objects, 'NetworkPolicy').filter((policy) => matchesSelector(policy.spec?.podSelector, labels));
  const isolating = (type: string) => policies.some((policy) => policyTypes(policy).includes(type));
  return {
    policies: policies.map((policy) => policy.metadata?.name ?? ''),
    ingressIsolated: isolating('Ingress'),
    egressIsolated: isolating('Egress'),
    ingress: policies.flatMap((policy) => (policy.spec?.ingress ?? []).map((rule) => flow(rule.from, rule.ports, workload))),
    egress: policies.flatMap((policy) => (policy.spec?.egress ?? []).map((rule) => flow(rule.to, rule.ports, null))),
  };
}

/** Every peer of the flows, flattened ('anywhere' flows contribute none). */
export function peersOf(flows: readonly Flow[]): Peer[] {
  return flows.flatMap((candidate) => (candidate.peers === 'anywhere' ? [] : candidate.peers));
}
