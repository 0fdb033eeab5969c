import { productVariables, type ApiConfig, type ConfigVariable } from '@hook0/config';
import { PAYLOAD_CONTENT_TYPES, PROBLEMS, ProblemError, problemBody, type ProblemBody, type ProblemId } from '@hook0/core';

/** What GET /instance tells a client (docs/hook0-compatibility.md "Instance and health"), from the configuration read at start. */
export interface InstanceInfo {
  readonly registrationDisabled: boolean;
  readonly passwordMinimumLength: number;
  readonly applicationSecretCompatibility: boolean;
  readonly quotaEnforcement: boolean;
  readonly supportEmailAddress: string | null;
}

export function instanceInfo(config: ApiConfig): InstanceInfo {
  return {
    registrationDisabled: config.identity.registrationDisabled,
    passwordMinimumLength: config.identity.passwordMinimumLength,
    applicationSecretCompatibility: config.applicationSecretCompatibility,
    quotaEnforcement: config.quotas.enabled,
    supportEmailAddress: config.supportEmailAddress,
  };
}

/** The public, unauthenticated facts about this instance. */
export class InstanceService {
  constructor(private readonly info: InstanceInfo) {}

  instance(): InstanceInfo {
    return this.info;
  }

  /** Every problem this API can answer with, as the Problem objects it sends. */
  errors(): ProblemBody[] {
    return (Object.keys(PROBLEMS) as ProblemId[]).map((id) => problemBody(new ProblemError(id)));
  }

  payloadContentTypes(): readonly string[] {
    return PAYLOAD_CONTENT_TYPES;
  }

  /** The variables the API and the dispatcher read (docs/configuration.md), never their values. */
  environmentVariables(): readonly ConfigVariable[] {
    return productVariables();
  }
}
