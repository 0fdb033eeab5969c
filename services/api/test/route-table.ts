import { getMetadataStorage } from 'class-validator';
import type { RouteRow } from '../src/http/route';
import { routeTable as table } from '../src/routes';

/** The route table as mounted: static rows, no service needed. */
export function routeTable(): readonly RouteRow[] {
  return table;
}

/** `/subscriptions/:subscription_id` → `/subscriptions/<value>` (value inserted as given, already encoded). */
export function fillPath(path: string, value: string): string {
  return path.replace(/:[a-z_]+/g, value);
}

export function label(route: RouteRow): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** Property names a DTO validates, read from class-validator's metadata. */
export function dtoFields(dto: NonNullable<RouteRow['body']>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** Whether a DTO lets `field` be absent (`@IsOptional()` or `@ValidateIf`). */
export function dtoFieldIsOptional(dto: NonNullable<RouteRow['body']>, field: string): boolean {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return metadata.some((entry) => entry.propertyName === field && entry.type === 'conditionalValidation');
}

/** Routes about the caller itself (its organizations, its session): no organization or application of theirs to refuse. */
export function isSelfRoute(route: RouteRow): boolean {
  return route.access.scope === 'principal';
}

/** Routes acting inside an organization or an application that the request names. */
export function isTenantRoute(route: RouteRow): boolean {
  return route.access.scope === 'organization' || route.access.scope === 'application';
}

/** What a viewer (a member who may only read) may do: the rules whose action is a read. */
export function viewerMay(route: RouteRow): boolean {
  const { access } = route;
  return (
    (access.scope === 'organization' || access.scope === 'application') && (access.action === 'read' || access.action === 'read-identities')
  );
}

/** A service token acts as an editor of its organization, except where identities are concerned. */
export function serviceTokenMay(route: RouteRow): boolean {
  const { access } = route;
  return (
    access.scope === 'application' ||
    (access.scope === 'organization' && access.action !== 'administer' && access.action !== 'read-identities')
  );
}

/** An application secret acts inside its own application only. */
export function applicationSecretMay(route: RouteRow): boolean {
  return route.access.scope === 'application';
}
