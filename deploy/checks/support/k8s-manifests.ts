import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { REPO_ROOT } from './repo-path';
import { ConfigMap, Namespace, Secret, Service, ServiceAccount, type IContainer, type IPodSpec } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PodMonitor, PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

/** The schema model of every kind the manifests may contain (HTTPRoute has none here: k8s-components.spec.ts checks it). */
const models = {
  Namespace,
  ConfigMap,
  Secret,
  Service,
  ServiceAccount,
  NetworkPolicy,
  Ingress,
  Deployment,
  Job,
  PodDisruptionBudget,
  HorizontalPodAutoscaler,
  ScaledObject,
  TriggerAuthentication,
  ServiceMonitor,
  PodMonitor,
  PrometheusRule,
} as const;

type Kind = keyof typeof models;
/** A rendered object of that kind, typed as its model describes it. */
export type Of<K extends Kind> = InstanceType<(typeof models)[K]>;

export interface RenderedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

/** `kubectl kustomize <dir>` (relative to the repository root), parsed; throws with kubectl's stderr when it cannot render. */
export function renderKustomization(dir: string): RenderedObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return YAML.parseAllDocuments(result.stdout).map((document) => {
    if (document.errors.length > 0) throw new Error(`${dir} renders invalid YAML: ${document.errors[0].message}`);
    return document.toJS() as RenderedObject;
  });
}

/** `kubectl kustomize k8s/overlays/<overlay>`, parsed. */
export function renderOverlay(overlay: string): RenderedObject[] {
  return renderKustomization(path.join('k8s', 'overlays', overlay));
}

/** The base with some of k8s/components/ (by folder name), as an overlay that opts into just those would render it. */
export function renderBaseWith(...components: string[]): RenderedObject[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'hook0-kustomize-'));
  try {
    // kustomize refuses absolute paths to a base or a component; relative ones may leave the overlay's folder.
    const k8s = path.relative(dir, path.join(REPO_ROOT, 'k8s'));
    const kustomization = { resources: [`${k8s}/base`], components: components.map((name) => `${k8s}/components/${name}`) };
    writeFileSync(path.join(dir, 'kustomization.yaml'), YAML.stringify(kustomization));
    return renderKustomization(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why the object does not match the schema of its kind, or null when it does. */
export function schemaProblem(object: RenderedObject): string | null {
  const where = `${object.apiVersion} ${object.kind} ${object.metadata.name}`;
  const Model = models[object.kind as Kind];
  if (!Model) return `${where}: no schema model for this kind`;
  try {
    // Also rejects an apiVersion other than the model's (autoscaling/v1 for an autoscaling/v2 model).
    new Model(object as never).validate();
    return null;
  } catch (error) {
    return `${where}: ${(error as Error).message}`;
  }
}

export function ofKind<K extends Kind>(objects: readonly RenderedObject[], kind: K): Of<K>[] {
  return objects.filter((object) => object.kind === kind) as unknown as Of<K>[];
}

export function named<K extends Kind>(objects: readonly RenderedObject[], kind: K, name: string): Of<K> {
  const found = ofKind(objects, kind).find((object) => object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

/** Every pair of a selector's matchLabels is among the labels (an empty selector selects nothing here). */
export function selects(matchLabels: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const wanted = Object.entries(matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}

export function podSpec(workload: Of<'Deployment'> | Of<'Job'>): IPodSpec {
  const spec = workload.spec?.template.spec;
  if (!spec) throw new Error(`${workload.kind} ${workload.metadata?.name} has no pod spec`);
  return spec;
}

/**
 * The environment a container starts with, as far as the manifests say: its ConfigMaps in envFrom order,
 * then its own `env` values (a variable read from elsewhere, such as a Secret, appears as `<from ...>`).
 */
export function containerEnv(container: IContainer, objects: readonly RenderedObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, named(objects, 'ConfigMap', source.configMapRef.name ?? '').data);
  }
  for (const variable of container.env ?? []) {
    env[variable.name] = variable.value ?? `<from ${Object.keys(variable.valueFrom ?? {}).join()}>`;
  }
  return env;
}

/** The number of a container port given by name or number. */
export function containerPort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}
