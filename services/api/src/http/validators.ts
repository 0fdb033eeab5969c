import { registerDecorator, type ValidationOptions } from 'class-validator';
import { hasControlCharacters, isCalendarDay, isRfc3339 } from '@hook0/core';

/**
 * Constraints marked with this context are about the shape of the JSON (a missing field, a wrong type):
 * Hook0 answers those with 400 `JsonPayload`; every other constraint is a 422 `Validation` entry.
 */
export const SHAPE = { context: { shape: true } } as const;

export interface StringMapLimits {
  readonly minEntries: number;
  readonly maxEntries: number;
  readonly minLength: number;
  readonly maxLength: number;
}

/** Shape: a plain object whose values are all strings. */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...SHAPE, message: '$property must be an object of string values', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((entry) => typeof entry === 'string'),
      },
    });
}

/** Rule: entry count and key/value byte lengths, as Hook0's validators check them. */
export function StringMapLimits(limits: StringMapLimits, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'length',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [limits],
      options: {
        message: `$property must have ${limits.minEntries}–${limits.maxEntries} entries with keys and values of ${limits.minLength}–${limits.maxLength} bytes`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null) return true;
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length < limits.minEntries || entries.length > limits.maxEntries) return false;
          const fits = (text: string) => {
            const bytes = Buffer.byteLength(text, 'utf8');
            return bytes >= limits.minLength && bytes <= limits.maxLength;
          };
          return entries.every(([key, entry]) => fits(key) && typeof entry === 'string' && fits(entry));
        },
      },
    });
}

/** Rule: no C0/C1 control characters. */
export function NoControlCharacters(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'noControlCharacters',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not contain control characters', ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacters(value),
      },
    });
}

/** Shape: a day written YYYY-MM-DD. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...SHAPE, message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDay },
    });
}

/** Rule: an RFC 3339 date-time with a timezone. */
export function IsRfc3339(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRfc3339',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...SHAPE, message: '$property must be an RFC 3339 date-time', ...options },
      validator: { validate: isRfc3339 },
    });
}

/** NUL, which PostgreSQL text and jsonb cannot hold, and lone UTF-16 surrogates, which jsonb refuses. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|\p{Cs}/u;

function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.every(isStorable);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).every(([key, entry]) => isStorable(key) && isStorable(entry));
  return true;
}

/** Rule: strings (or the keys and values of a string map) the database can store: no NUL, no lone surrogate. */
export function StorableText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'storableText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not contain NUL characters or unpaired surrogates', ...options },
      validator: { validate: isStorable },
    });
}
