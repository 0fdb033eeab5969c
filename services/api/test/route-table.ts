import { getMetadataStorage } from 'class-validator';
import type { RouteDefinition } from '../src/http/route';
import { allRoutes } from '../src/routes';
import type { Services } from '../src/services';

/** The route table as mounted; route factories only capture their services, so placeholders do. */
export function routeTable(): RouteDefinition[] {
  return allRoutes({} as Services, { appUrl: 'http://127.0.0.1' });
}

/** `/subscriptions/:subscription_id` → `/subscriptions/<value>` (value inserted as given, already encoded). */
export function fillPath(path: string, value: string): string {
  return path.replace(/:[a-z_]+/g, value);
}

export function label(route: RouteDefinition): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** Property names a DTO validates, read from class-validator's metadata. */
export function dtoFields(dto: NonNullable<RouteDefinition['body']>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}
