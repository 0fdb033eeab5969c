import { API_VARIABLES } from './api-variables';
import type { ConfigVariable } from './config-variable';
import { DEPLOY_VARIABLES } from './deploy-variables';
import { DISPATCHER_VARIABLES } from './dispatcher-variables';
import { LIMIT_VARIABLES } from './limit-variables';
import { SHARED_VARIABLES } from './shared-variables';

/**
 * Every environment variable of this project, in the order docs/configuration.md shows them. The loaders read only
 * variables declared here (EnvReader refuses any other), and a unit test checks that they read every `config` one.
 */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  ...SHARED_VARIABLES,
  ...API_VARIABLES,
  ...LIMIT_VARIABLES,
  ...DISPATCHER_VARIABLES,
  ...DEPLOY_VARIABLES,
];

const BY_NAME = new Map(CONFIG_VARIABLES.map((variable) => [variable.name, variable]));

export function configVariable(name: string): ConfigVariable | undefined {
  return BY_NAME.get(name);
}

/** The variables a configuration loader of `service` reads: its own and those of every process. */
export function loaderVariables(service: 'api' | 'dispatcher'): ConfigVariable[] {
  return CONFIG_VARIABLES.filter((variable) => variable.kind === 'config' && (variable.service === service || variable.service === 'all'));
}

/** What the running services read (configuration and tracing), as opposed to docker-compose.yml's own variables. */
export function productVariables(): ConfigVariable[] {
  return CONFIG_VARIABLES.filter((variable) => variable.kind !== 'deploy');
}
