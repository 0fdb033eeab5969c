import type { IContainer, IPodSpec, ISELinuxOptions } from 'kubernetes-models/v1';

// The rules of the "restricted" Pod Security Standard (which includes "baseline"), field by field, as the
// PodSecurity admission of the API server applies them to a pod spec.
const allowedVolumeSources = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const allowedCapabilities = ['NET_BIND_SERVICE'];
const allowedSeccomp = ['RuntimeDefault', 'Localhost'];
const allowedAppArmor = ['RuntimeDefault', 'Localhost'];
const allowedSELinuxTypes = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];
const safeSysctls = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];

function seLinuxProblems(where: string, options: ISELinuxOptions | undefined): string[] {
  if (!options) return [];
  return [
    ...(allowedSELinuxTypes.includes(options.type ?? '') ? [] : [`${where}: seLinuxOptions.type ${options.type}`]),
    ...(options.user || options.role ? [`${where}: seLinuxOptions.user or role set`] : []),
  ];
}

function containerProblems(container: IContainer, pod: IPodSpec): string[] {
  const where = `container ${container.name}`;
  const own = container.securityContext ?? {};
  const shared = pod.securityContext ?? {};
  const problems: string[] = [];
  const fail = (rule: string) => problems.push(`${where}: ${rule}`);

  // Baseline
  if (own.privileged) fail('privileged');
  if (own.windowsOptions?.hostProcess) fail('windowsOptions.hostProcess');
  if ((container.ports ?? []).some((port) => port.hostPort)) fail('hostPort');
  if (own.procMount && own.procMount !== 'Default') fail(`procMount ${own.procMount}`);
  if (own.appArmorProfile && !allowedAppArmor.includes(own.appArmorProfile.type)) fail(`appArmorProfile ${own.appArmorProfile.type}`);
  problems.push(...seLinuxProblems(where, own.seLinuxOptions));
  // Restricted
  if (own.allowPrivilegeEscalation !== false) fail('allowPrivilegeEscalation is not false');
  if ((own.runAsNonRoot ?? shared.runAsNonRoot) !== true) fail('runAsNonRoot is not true');
  if ((own.runAsUser ?? shared.runAsUser) === 0) fail('runAsUser 0');
  const seccomp = own.seccompProfile?.type ?? shared.seccompProfile?.type;
  if (!seccomp || !allowedSeccomp.includes(seccomp)) fail(`seccompProfile ${seccomp ?? 'unset'}`);
  if (!own.capabilities?.drop?.includes('ALL')) fail('capabilities do not drop ALL');
  const added = (own.capabilities?.add ?? []).filter((capability) => !allowedCapabilities.includes(capability));
  if (added.length > 0) fail(`capabilities add ${added.join(', ')}`);
  return problems;
}

/** Every way the pod spec breaks the restricted profile; empty when the PodSecurity admission would accept it. */
export function restrictedProfileViolations(pod: IPodSpec): string[] {
  const problems: string[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (pod[field]) problems.push(`pod: ${field}`);
  if (pod.securityContext?.windowsOptions?.hostProcess) problems.push('pod: windowsOptions.hostProcess');
  if (pod.securityContext?.runAsUser === 0) problems.push('pod: runAsUser 0');
  const podSeccomp = pod.securityContext?.seccompProfile?.type;
  if (podSeccomp && !allowedSeccomp.includes(podSeccomp)) problems.push(`pod: seccompProfile ${podSeccomp}`);
  const podAppArmor = pod.securityContext?.appArmorProfile?.type;
  if (podAppArmor && !allowedAppArmor.includes(podAppArmor)) problems.push(`pod: appArmorProfile ${podAppArmor}`);
  problems.push(...seLinuxProblems('pod', pod.securityContext?.seLinuxOptions));
  for (const sysctl of pod.securityContext?.sysctls ?? []) {
    if (!safeSysctls.includes(sysctl.name)) problems.push(`pod: sysctl ${sysctl.name}`);
  }
  for (const volume of pod.volumes ?? []) {
    const sources = Object.keys(volume).filter((key) => key !== 'name' && !allowedVolumeSources.includes(key));
    if (sources.length > 0) problems.push(`volume ${volume.name}: ${sources.join(', ')}`);
  }
  const containers = [...(pod.initContainers ?? []), ...pod.containers, ...((pod.ephemeralContainers ?? []) as IContainer[])];
  return [...problems, ...containers.flatMap((container) => containerProblems(container, pod))];
}
