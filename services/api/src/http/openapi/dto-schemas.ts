import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { OpenAPIV3 } from 'openapi-types';
import { FORBIDDEN_HEADER_PATTERNS } from '@hook0/core';
import type { DtoClass } from '../route';

export const SCHEMA_REF = '#/components/schemas/';

type Schema = OpenAPIV3.SchemaObject;

/**
 * JSON Schemas for this API's own class-validator decorators (http/validators.ts, the DTO files); the built-in
 * decorators are converted by class-validator-jsonschema itself. Bounds only the code knows (string-map entry
 * counts, header limits) are described rather than guessed.
 */
const CONVERTERS: ISchemaConverters = {
  isStringMap: { type: 'object', additionalProperties: { type: 'string' } },
  isHeaderMap: { type: 'object', additionalProperties: { type: 'string' } },
  isRfc3339: { type: 'string', format: 'date-time' },
  isCalendarDay: { type: 'string', format: 'date' },
  isHttpUrl: { type: 'string', format: 'uri' },
  // IsRetryDelay (subscription.validators.ts) registers as `range`, the code Hook0's validator uses for it.
  range: { type: 'string', description: 'a duration from 1s to 10d, such as 3s, 10m, 1h or 1d' },
  // NoForbiddenHeaders (subscription.validators.ts) is described with the header limits (`length` below), on the same property.
  forbiddenHeader: {},
  noControlCharacters: {},
  storableText: {},
  length: (meta) => {
    const limits = meta.constraints?.[0] as { minEntries: number; maxEntries: number; minLength: number; maxLength: number } | undefined;
    return limits
      ? {
          minProperties: limits.minEntries,
          maxProperties: limits.maxEntries,
          description: `keys and values of ${limits.minLength}–${limits.maxLength} bytes`,
        }
      : {
          maxProperties: 10,
          description: `names and values of at most 500 characters; never ${FORBIDDEN_HEADER_PATTERNS.join(', ')} (any case)`,
        };
  },
};

/** A `$ref` stands alone in OpenAPI 3.0 (siblings are ignored), so drop the `type` the converter puts beside it. */
function tidy(schema: Schema): Schema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      if ('$ref' in property) return [name, { $ref: property.$ref }];
      // IsOptional accepts null as well as a missing field.
      return [name, schema.required?.includes(name) ? property : { ...property, nullable: true }];
    }),
  );
  return { ...schema, properties };
}

/** Every DTO's schema, keyed by class name, from the class-validator metadata that validates requests. */
export function dtoSchemas(): Record<string, Schema> {
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: SCHEMA_REF, additionalConverters: CONVERTERS }) as Record<
    string,
    Schema
  >;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, tidy(schema)]));
}

/** The schema names a DTO needs: its own and, transitively, every `$ref` inside. */
export function reachableSchemas(roots: readonly DtoClass[], all: Record<string, Schema>): Record<string, Schema> {
  const picked: Record<string, Schema> = {};
  const pending = roots.map((dto) => dto.name);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (picked[name] || !all[name]) continue;
    picked[name] = all[name];
    for (const [, ref] of JSON.stringify(all[name]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) pending.push(ref);
  }
  return picked;
}
