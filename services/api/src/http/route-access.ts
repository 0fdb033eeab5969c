import { ProblemError } from '@hook0/core';
import type { AccessPolicy } from '../auth/access-policy';
import type { ApplicationGrant, ApplicationWriteGrant, OrganizationGrant } from '../auth/grants';
import type { Principal } from '../auth/principal';
import type { AccessRule, OrganizationAction, ScopeSource } from './access-rule';

/** The validated input of a request, where a rule finds the scope it acts in. */
export interface ScopedInput {
  readonly body: unknown;
  readonly query: unknown;
  readonly params: unknown;
}

/** Which application owns a resource a route names alone; null when there is no such live resource. */
export interface ResourceOwners {
  subscriptionApplication(subscriptionId: string): Promise<string | null>;
}

export type Grant = ApplicationGrant | ApplicationWriteGrant | OrganizationGrant | Principal | undefined;

/** Enforces a route's access rule (docs/api.md "Who may do what") and returns what it grants. */
export class RouteAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly owners: ResourceOwners,
  ) {}

  async grant(rule: AccessRule, principal: Principal, input: ScopedInput): Promise<Grant> {
    switch (rule.scope) {
      case 'public':
        return undefined;
      case 'principal':
        if (!rule.kinds.includes(principal.kind)) throw new ProblemError('Forbidden');
        return principal;
      case 'organization':
        return this.organization(rule.action, principal, scopeId(input, rule.from, 'organization_id'));
      case 'application':
        if (rule.from === 'subscription') return this.applicationOfSubscription(rule.action, principal, input);
        if (rule.proof === 'statement') return this.applicationWrite(principal, scopeId(input, rule.from, 'application_id'));
        return this.application(rule.action, principal, scopeId(input, rule.from, 'application_id'));
    }
  }

  private organization(action: OrganizationAction, principal: Principal, organizationId: string): OrganizationGrant {
    if (action === 'administer') this.policy.administration(principal, organizationId);
    else if (action === 'read-identities') this.policy.identities(principal, organizationId);
    else this.policy.organization(principal, organizationId, action);
    return { principal, organizationId };
  }

  private async application(action: 'read' | 'write', principal: Principal, applicationId: string): Promise<ApplicationGrant> {
    const application = await this.policy.application(principal, applicationId, action);
    return { principal, application, view: this.policy.viewOf(principal, application) };
  }

  private async applicationOfSubscription(action: 'read' | 'write', principal: Principal, input: ScopedInput): Promise<ApplicationGrant> {
    const applicationId = await this.owners.subscriptionApplication(scopeId(input, 'params', 'subscription_id'));
    if (applicationId === null) throw new ProblemError('NotFound');
    const application = await this.policy.applicationOfResource(principal, applicationId, action);
    return { principal, application, view: this.policy.viewOf(principal, application) };
  }

  private async applicationWrite(principal: Principal, applicationId: string): Promise<ApplicationWriteGrant> {
    const confirm = async () => {
      await this.policy.application(principal, applicationId, 'write');
    };
    const provable = this.policy.writableIfLive(principal, applicationId);
    if (provable !== null) return { principal, applicationId, organizationId: provable.organizationId, confirm };
    await confirm();
    return { principal, applicationId, organizationId: null, confirm: async () => {} };
  }
}

/** The rule's scope field, as validated: its DTO declares it, so a missing one is a bug in the row. */
function scopeId(input: ScopedInput, from: ScopeSource, field: string): string {
  const value = (input[from] as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') throw new Error(`the route's ${from} has no ${field} for its access rule`);
  return value;
}
