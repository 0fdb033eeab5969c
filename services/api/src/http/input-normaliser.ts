import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { inUtc } from '@hook0/core';
import type { DtoClass } from './route';

type Normaliser = (text: string) => string;

/**
 * What a validated string becomes, by the class-validator constraint that checked it:
 * - `@IsUUID`: lower case. PostgreSQL prints uuids in lower case and ids are compared as strings further on (access
 *   checks, ids echoed back), so an upper-case id finds the same resource (docs/hook0-compatibility.md "Conventions").
 * - `@IsRfc3339`: a time PostgreSQL reads as the same instant (offsets beyond its ±15:59 rewritten in UTC).
 */
const NORMALISERS: ReadonlyMap<string, Normaliser> = new Map([
  ['isUuid', (text: string) => text.toLowerCase()],
  ['isRfc3339', inUtc],
]);

/** A DTO's decorators are fixed once its class is defined: each class is looked up once, not on every request. */
const propertiesByDto = new WeakMap<DtoClass, ReadonlyMap<string, Normaliser>>();

function normalisedProperties(dto: DtoClass): ReadonlyMap<string, Normaliser> {
  const cached = propertiesByDto.get(dto);
  if (cached) return cached;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const found = new Map<string, Normaliser>();
  for (const { name, propertyName } of metadata) {
    const normaliser = name === undefined ? undefined : NORMALISERS.get(name);
    if (normaliser) found.set(propertyName, normaliser);
  }
  propertiesByDto.set(dto, found);
  return found;
}

/**
 * Normalises, in place, every string (one or an array) a validated DTO holds under a constraint of NORMALISERS,
 * nested DTOs included: once, where input enters.
 */
export function normaliseInput<T extends object>(instance: T): T {
  const record = instance as Record<string, unknown>;
  const normalisers = normalisedProperties(instance.constructor as DtoClass);
  for (const [property, value] of Object.entries(record)) {
    const normalise = normalisers.get(property);
    if (normalise) record[property] = normalised(value, normalise);
    else if (isDtoInstance(value)) normaliseInput(value);
  }
  return instance;
}

function normalised(value: unknown, normalise: Normaliser): unknown {
  if (typeof value === 'string') return normalise(value);
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? normalise(item) : item));
  return value;
}

/** Nested DTOs are class instances (http/dto-instance.ts); free-form maps are plain objects and are left alone. */
function isDtoInstance(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}
