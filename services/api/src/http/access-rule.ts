import type { ApplicationGrant, ApplicationWriteGrant, OrganizationGrant, PrincipalKind, PrincipalOf } from '../auth/grants';

/** Where a route's request names the application or organization it acts in (`application_id`, `organization_id`). */
export type ScopeSource = 'query' | 'params' | 'body';

/**
 * Who may call a route, as its row declares it (docs/api.md "Who may do what"); the mounting code enforces it before
 * the handler runs and hands the handler the resulting grant.
 */
export type AccessRule =
  /** Anyone, without a token. */
  | { readonly scope: 'public' }
  /** Callers of these kinds, about themselves (their organizations, their session): nothing they name is checked. */
  | { readonly scope: 'principal'; readonly kinds: readonly PrincipalKind[] }
  /**
   * Inside an organization. `read-identities`: its members (viewers too) and the master key, not service tokens, which
   * see no other credential; `administer`: its editors and the master key (members, service tokens, deletion).
   */
  | { readonly scope: 'organization'; readonly action: OrganizationAction; readonly from: ScopeSource }
  /**
   * Inside an application. `from: 'subscription'`: the route names a subscription alone, whose application decides
   * (a refusal then reads 404, as for an unknown id). `proof: 'statement'`: a write whose statement can check the
   * application itself, so that the lookup is skipped when the caller's kind allows it (ingest).
   */
  | {
      readonly scope: 'application';
      readonly action: 'read' | 'write';
      readonly from: ScopeSource | 'subscription';
      readonly proof?: 'statement';
    };

export type OrganizationAction = 'read' | 'write' | 'read-identities' | 'administer';

export const publicAccess = { scope: 'public' } as const;

export function principalAccess<K extends PrincipalKind>(...kinds: K[]): { readonly scope: 'principal'; readonly kinds: readonly K[] } {
  return { scope: 'principal', kinds };
}

export function organizationAccess(action: OrganizationAction, from: ScopeSource) {
  return { scope: 'organization', action, from } as const;
}

export function applicationAccess(action: 'read' | 'write', from: ScopeSource | 'subscription') {
  return { scope: 'application', action, from } as const;
}

/** Ingest's rule: an application write its own INSERT proves (see ApplicationWriteGrant). */
export function applicationWriteProvenByStatement(from: ScopeSource) {
  return { scope: 'application', action: 'write', from, proof: 'statement' } as const;
}

/** What a route's handler receives for its rule. */
export type GrantFor<R extends AccessRule> = R extends { readonly scope: 'application'; readonly proof: 'statement' }
  ? ApplicationWriteGrant
  : R extends { readonly scope: 'application' }
    ? ApplicationGrant
    : R extends { readonly scope: 'organization' }
      ? OrganizationGrant
      : R extends { readonly scope: 'principal'; readonly kinds: readonly (infer K extends PrincipalKind)[] }
        ? PrincipalOf<K>
        : undefined;
