import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Building blocks of the response views: each view is a TypeBox schema, so one declaration gives both the type a
 * presenter must return and the JSON schema the OpenAPI document publishes. OpenAPI 3.0 spells "or null" as
 * `nullable: true`, which these helpers write while keeping `| null` in the static type.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

/** A timestamp: presenters may hand over a Date (JSON turns it into ISO 8601) or text already in that form. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const Uuid = Type.String({ format: 'uuid' });

/** Labels, metadata and headers: string values under string keys (OpenAPI 3.0 has no patternProperties). */
export const stringMap = (description?: string) =>
  Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' }, ...(description && { description }) });
export const StringMap = stringMap();

/** A field Hook0 has and this server always leaves null (OpenAPI 3.0 has no `type: null`). */
export const AlwaysNull = Type.Unsafe<null>({ type: 'string', nullable: true, enum: [null], description: 'always null here' });

/** Hook0's onboarding step state. */
export const Step = Type.String({ enum: ['Done', 'ToDo'] });

/** One fixed string, as OpenAPI 3.0 spells it (an enum of one; it has no `const`). */
export const Tag = <T extends string>(value: T) => Type.Unsafe<T>({ type: 'string', enum: [value] });
