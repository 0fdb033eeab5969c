import { isDeepStrictEqual } from 'node:util';
import { containerEnv, named, ofKind, podSpec, renderKustomization, renderOverlay, type RenderedObject } from './support/k8s-manifests';
import { matchesSelector, peersOf, podNetwork, type Flow, type Peer } from './support/k8s-network';

// The dispatchers send requests to URLs chosen by tenants: they may reach the internet and nothing behind them
// (k8s/base/network/dispatcher-egress-receivers.yaml; the prod overlay adds the cluster's CIDRs).
const metadataPrivateLinkLocal = {
  ipv4: ['169.254.169.254/32', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'],
  ipv6: ['fd00:ec2::254/128', 'fc00::/7', 'fe80::/10'],
};
const clusterCidrs = { base: [], dev: [], prod: ['10.244.0.0/16', '10.96.0.0/12'] } as const;

const dns: Peer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};
const monitoringNamespace: Peer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
// What the API and the dispatchers reach by selector: DNS, the trace collector (OTLP), PostgreSQL, RabbitMQ.
const dependencyPorts = [['TCP/53', 'UDP/53'], ['TCP/4317', 'TCP/4318'], ['TCP/5432'], ['TCP/5671', 'TCP/5672']].sort();

const overlays = { base: renderKustomization('k8s/base'), dev: renderOverlay('dev'), prod: renderOverlay('prod') };
// Only the dev overlay ships the example Secret; its hosts are where the policies expect PostgreSQL and RabbitMQ.
const exampleSecret = named(overlays.dev, 'Secret', 'hook0-secrets').stringData ?? {};

const roles = ['api', 'dispatcher', 'migrate'] as const;
type Role = (typeof roles)[number];
const workload = (objects: readonly RenderedObject[], role: Role) =>
  role === 'migrate' ? named(objects, 'Job', 'hook0-migrate') : named(objects, 'Deployment', `hook0-${role}`);
const env = (objects: readonly RenderedObject[], role: Role) => containerEnv(podSpec(workload(objects, role)).containers[0], objects);
const portSets = (flows: readonly Flow[]) => flows.map((candidate) => candidate.ports).sort();
const byAddress = (candidate: Flow) => candidate.peers === 'anywhere' || candidate.peers.some((peer) => peer.ipBlock);

/** The port of `<scheme>://…@<service>.<namespace>.svc…:<port>` and the namespace it names. */
function dependency(url: string): { namespace: string; port: string } {
  const parsed = new URL(url);
  return { namespace: parsed.hostname.split('.')[1], port: `TCP/${parsed.port}` };
}

describe.each(Object.entries(overlays))('k8s %s network policies', (overlay, objects) => {
  const network = (role: Role) => podNetwork(objects, workload(objects, role));

  it.each(roles)('isolates the %s pods in both directions', (role) => {
    expect(network(role)).toMatchObject({ ingressIsolated: true, egressIsolated: true });
  });

  it('lets the dispatchers reach every address except cloud metadata, private, link-local and cluster ranges', () => {
    const policy = named(objects, 'NetworkPolicy', 'hook0-dispatcher-egress-receivers');
    const selected = roles.filter((role) =>
      matchesSelector(policy.spec?.podSelector, workload(objects, role).spec?.template.metadata?.labels),
    );
    expect(selected).toEqual(['dispatcher']);

    const egress = network('dispatcher').egress;
    // A rule that names no destination would allow them all.
    expect(egress.filter((candidate) => candidate.peers === 'anywhere')).toEqual([]);
    const blocks = peersOf(egress).flatMap((peer) =>
      peer.ipBlock ? [{ cidr: peer.ipBlock.cidr, except: [...(peer.ipBlock.except ?? [])].sort() }] : [],
    );
    expect(blocks).toEqual([
      { cidr: '0.0.0.0/0', except: [...metadataPrivateLinkLocal.ipv4, ...clusterCidrs[overlay as keyof typeof clusterCidrs]].sort() },
      { cidr: '::/0', except: [...metadataPrivateLinkLocal.ipv6].sort() },
    ]);
  });

  it.each(roles)('lets the %s resolve names through kube-dns in kube-system (UDP and TCP 53)', (role) => {
    const toDns = network(role).egress.filter((candidate) => peersOf([candidate]).some((peer) => isDeepStrictEqual(peer, dns)));
    expect(toDns.map((candidate) => [candidate.peers, candidate.ports])).toEqual([[[dns], ['TCP/53', 'UDP/53']]]);
  });

  it.each(['api', 'dispatcher'] as const)(
    'lets the %s reach DNS, PostgreSQL, RabbitMQ and the trace collector, each as pods of a namespace',
    (role) => {
      const bySelector = network(role).egress.filter((candidate) => !byAddress(candidate));
      expect(portSets(bySelector)).toEqual(dependencyPorts);
      for (const peer of peersOf(bySelector)) {
        // A peer without a namespaceSelector means this namespace; an empty one would mean every namespace.
        expect(Object.keys(peer.namespaceSelector?.matchLabels ?? {}).length).toBeGreaterThan(0);
        expect(Object.keys(peer.podSelector?.matchLabels ?? {}).length).toBeGreaterThan(0);
      }
    },
  );

  it('selects pods by app.kubernetes.io/name=hook0 in every policy but the namespace-wide default deny', () => {
    const policies = ofKind(objects, 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(1);
    for (const policy of policies) {
      const byName = policy.spec?.podSelector?.matchLabels?.['app.kubernetes.io/name'];
      expect([policy.metadata?.name, byName]).toEqual([
        policy.metadata?.name,
        policy.metadata?.name === 'hook0-default-deny' ? undefined : 'hook0',
      ]);
    }
    expect(named(objects, 'NetworkPolicy', 'hook0-default-deny').spec?.podSelector).toEqual({});
  });

  it('lets the API reach no address range: it never calls a tenant URL', () => {
    expect(network('api').egress.filter(byAddress)).toEqual([]);
  });

  it('lets the migration Job reach only DNS and PostgreSQL', () => {
    expect(network('migrate').egress.filter(byAddress)).toEqual([]);
    expect(portSets(network('migrate').egress)).toEqual([['TCP/53', 'UDP/53'], ['TCP/5432']]);
  });

  it.each([
    ['DATABASE_URL', ['api', 'dispatcher', 'migrate']],
    ['AMQP_URL', ['api', 'dispatcher']],
  ] as const)('lets the pods that read %s reach the namespace and port of the example Secret', (key, readers) => {
    const target = dependency(exampleSecret[key]);
    for (const role of readers) {
      const reaching = network(role).egress.filter(
        (candidate) =>
          candidate.ports !== 'all' &&
          candidate.ports.includes(target.port) &&
          peersOf([candidate]).some((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === target.namespace),
      );
      expect([role, reaching.length]).toEqual([role, 1]);
    }
  });

  it('admits connections to the API on its HTTP port from anywhere, and to its metrics port from the monitoring namespace only', () => {
    const { PORT, METRICS_PORT } = env(objects, 'api');
    expect(network('api').ingress).toEqual(
      expect.arrayContaining([
        { peers: 'anywhere', ports: [`TCP/${PORT}`] },
        { peers: [monitoringNamespace], ports: [`TCP/${METRICS_PORT}`] },
      ]),
    );
    expect(network('api').ingress).toHaveLength(2);
  });

  it('admits nothing to the dispatchers but scrapes of their metrics port from the monitoring namespace', () => {
    expect(network('dispatcher').ingress).toEqual([
      { peers: [monitoringNamespace], ports: [`TCP/${env(objects, 'dispatcher').METRICS_PORT}`] },
    ]);
  });

  it('admits nothing to the migration Job', () => {
    expect(network('migrate').ingress).toEqual([]);
  });
});

describe('the network policy evaluation itself', () => {
  it('applies label selectors as the API server does: empty selects all, expressions and pairs all hold', () => {
    const pod = { 'app.kubernetes.io/component': 'api' };
    expect(matchesSelector({}, pod)).toBe(true);
    expect(
      matchesSelector({ matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['api', 'dispatcher'] }] }, pod),
    ).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'NotIn', values: ['api'] }] }, pod)).toBe(
      false,
    );
    expect(matchesSelector({ matchLabels: { 'app.kubernetes.io/component': 'api', tier: 'web' } }, pod)).toBe(false);
  });
});
