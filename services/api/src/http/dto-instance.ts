import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { DtoClass } from './route';

function validatedProperties(dto: DtoClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

function isDto(type: unknown): type is DtoClass {
  return typeof type === 'function' && type !== Object && validatedProperties(type as DtoClass).length > 0;
}

/**
 * A DTO instance holding the validated properties of `raw`, the others dropped (Hook0 ignores unknown fields).
 * A property whose declared type is itself a DTO (e.g. `target: HttpTargetDto`) becomes an instance of it;
 * every other value is kept exactly as parsed. This replaces class-transformer's plainToInstance, which
 * guessed a nested object's class from its `constructor` member (so `{"labels":{"constructor":"x"}}`
 * threw a TypeError) and silently dropped `__proto__` and `constructor` keys from free-form maps.
 */
export function toDtoInstance<T extends object>(dto: DtoClass<T>, raw: Record<string, unknown>): T {
  const instance = new dto() as Record<string, unknown>;
  for (const property of validatedProperties(dto)) {
    if (!Object.prototype.hasOwnProperty.call(raw, property) || raw[property] === undefined) continue;
    const value = raw[property];
    const declared: unknown = Reflect.getMetadata('design:type', dto.prototype, property);
    const nested = isDto(declared) && typeof value === 'object' && value !== null && !Array.isArray(value);
    instance[property] = nested ? toDtoInstance(declared, value as Record<string, unknown>) : value;
  }
  return instance as T;
}
