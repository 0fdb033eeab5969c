import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { DtoClass } from './route';

/** class-validator's name for the `@IsUUID` constraint. */
const IS_UUID = 'isUuid';

function uuidProperties(dto: DtoClass): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return new Set(metadata.filter((entry) => entry.name === IS_UUID).map((entry) => entry.propertyName));
}

/**
 * Lower-cases, in place, every string a validated DTO holds under `@IsUUID` (one or an array), nested DTOs included.
 * PostgreSQL prints uuids in lower case and ids are compared as strings further on (access checks, ids echoed back),
 * so an id is normalised here once, where input enters, and an upper-case id finds the same resource
 * (docs/hook0-compatibility.md "Conventions").
 */
export function normaliseUuids<T extends object>(instance: T): T {
  const record = instance as Record<string, unknown>;
  const uuids = uuidProperties(instance.constructor as DtoClass);
  for (const [property, value] of Object.entries(record)) {
    if (uuids.has(property)) record[property] = lowerCased(value);
    else if (isDtoInstance(value)) normaliseUuids(value);
  }
  return instance;
}

function lowerCased(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item));
  return value;
}

/** Nested DTOs are class instances (http/dto-instance.ts); free-form maps are plain objects and are left alone. */
function isDtoInstance(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}
