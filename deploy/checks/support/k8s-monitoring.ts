import type { IContainer } from 'kubernetes-models/v1';
import { containerEnv, containerPort, ofKind, podSpec, selects, type Of, type RenderedObject } from './k8s-manifests';

/** What Prometheus will scrape for one monitor, as the Prometheus Operator would configure it. */
export interface ScrapeTarget {
  readonly monitor: string;
  /** The `job` label of the scraped series. */
  readonly job: string | undefined;
  readonly path: string | undefined;
  /** The container port scraped, and the METRICS_PORT the container listens on; null outside these manifests. */
  readonly port: number | undefined | null;
  readonly metricsPort: number | null;
}

type Relabeling = { readonly targetLabel?: string; readonly replacement?: string };

/** A relabeling that writes `job` wins over the jobLabel (the operator applies user relabelings last). */
function relabeledJob(relabelings: readonly Relabeling[] | undefined): string | undefined {
  return relabelings?.find((relabeling) => relabeling.targetLabel === 'job')?.replacement;
}

function podsSelectedBy(objects: readonly RenderedObject[], matchLabels: Record<string, string> | undefined) {
  return ofKind(objects, 'Deployment').filter((deployment) => selects(matchLabels, deployment.spec?.template.metadata?.labels));
}

function metricsPortOf(container: IContainer, objects: readonly RenderedObject[]): number {
  return Number(containerEnv(container, objects).METRICS_PORT);
}

function serviceMonitorTargets(monitor: Of<'ServiceMonitor'>, objects: readonly RenderedObject[]): ScrapeTarget[] {
  const external = monitor.spec.namespaceSelector !== undefined;
  const services = ofKind(objects, 'Service').filter((service) => selects(monitor.spec.selector.matchLabels, service.metadata?.labels));
  if (!external && services.length !== 1) throw new Error(`ServiceMonitor ${monitor.metadata?.name} selects ${services.length} Services`);
  return (monitor.spec.endpoints ?? []).map((endpoint) => {
    // Without a jobLabel (or without that label on the Service), the operator names the job after the Service.
    const jobLabelValue =
      (monitor.spec.jobLabel ? services[0]?.metadata?.labels?.[monitor.spec.jobLabel] : undefined) ?? services[0]?.metadata?.name;
    const base = { monitor: monitor.metadata?.name ?? '', job: relabeledJob(endpoint.relabelings) ?? jobLabelValue, path: endpoint.path };
    if (external) return { ...base, port: null, metricsPort: null };
    const servicePort = services[0].spec?.ports?.find((port) => port.name === endpoint.port);
    const [deployment] = podsSelectedBy(objects, services[0].spec?.selector);
    const [container] = podSpec(deployment).containers;
    return { ...base, port: containerPort(container, servicePort?.targetPort), metricsPort: metricsPortOf(container, objects) };
  });
}

function podMonitorTargets(monitor: Of<'PodMonitor'>, objects: readonly RenderedObject[]): ScrapeTarget[] {
  const deployments = podsSelectedBy(objects, monitor.spec.selector.matchLabels);
  if (deployments.length !== 1) throw new Error(`PodMonitor ${monitor.metadata?.name} selects ${deployments.length} Deployments`);
  const labels = deployments[0].spec?.template.metadata?.labels;
  const [container] = podSpec(deployments[0]).containers;
  return (monitor.spec.podMetricsEndpoints ?? []).map((endpoint) => ({
    monitor: monitor.metadata?.name ?? '',
    // Without a jobLabel (or that label on the pods), the operator names the job <namespace>/<PodMonitor name>.
    job:
      relabeledJob(endpoint.relabelings) ??
      (monitor.spec.jobLabel ? labels?.[monitor.spec.jobLabel] : undefined) ??
      `${monitor.metadata?.namespace}/${monitor.metadata?.name}`,
    path: endpoint.path,
    port: containerPort(container, endpoint.port),
    metricsPort: metricsPortOf(container, objects),
  }));
}

export function scrapeTargets(objects: readonly RenderedObject[]): ScrapeTarget[] {
  return [
    ...ofKind(objects, 'ServiceMonitor').flatMap((monitor) => serviceMonitorTargets(monitor, objects)),
    ...ofKind(objects, 'PodMonitor').flatMap((monitor) => podMonitorTargets(monitor, objects)),
  ];
}
