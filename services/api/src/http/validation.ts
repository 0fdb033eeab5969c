import { validateSync, type ValidationError } from 'class-validator';
import { ProblemError, type ProblemId, type ValidationEntry, type ValidationTree } from '@hook0/core';
import { toDtoInstance } from './dto-instance';
import { normaliseInput } from './input-normaliser';
import type { DtoClass } from './route';

/** Where the input came from decides which problem a malformed value earns. */
export type InputSource = 'body' | 'query' | 'params';

/** Hook0's validator crate codes for the class-validator constraints we use. */
const CODE_BY_CONSTRAINT: Record<string, string> = {
  isLength: 'length',
  minLength: 'length',
  maxLength: 'length',
  length: 'length',
  arrayMinSize: 'length',
  arrayMaxSize: 'length',
  min: 'range',
  max: 'range',
  isIn: 'custom',
  isUrl: 'url',
  isEmail: 'email',
};

/**
 * Turns raw input into a validated DTO instance (unknown fields dropped, as Hook0 ignores them).
 * Shape errors (missing, wrong type) on a body → 400 JsonPayload; rule errors → 422 Validation with the field tree;
 * anything wrong in a query string → 400 InvalidQueryString; a malformed path id → 404 NotFound.
 * A valid instance's UUIDs are lower-cased here, once: services and repositories take ids as they are.
 */
export function validateInput<T extends object>(dto: DtoClass<T>, raw: unknown, source: InputSource): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProblemError('JsonPayload', 'The request body must be a JSON object.');
  }
  // Validators walk nested values (string maps, arrays): bound the depth before anything recurses.
  if (nestingExceeds(raw, MAX_NESTING))
    throw new ProblemError('JsonPayload', `The request body is nested deeper than ${MAX_NESTING} levels.`);
  const instance = toDtoInstance(dto, raw as Record<string, unknown>);
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  if (errors.length === 0) return normaliseInput(instance);
  if (source === 'params') throw new ProblemError('NotFound');
  if (source === 'query') throw new ProblemError('InvalidQueryString', describeFirst(errors));
  const shape = firstShapeError(errors);
  if (shape) throw new ProblemError('JsonPayload', shape);
  throw new ProblemError('Validation' satisfies ProblemId, undefined, toValidationTree(errors));
}

const MAX_NESTING = 32;

/** Iterative, so that measuring a hostile body cannot overflow the stack either. */
function nestingExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

function constraintEntries(error: ValidationError): [string, string][] {
  return Object.entries(error.constraints ?? {});
}

function isShape(error: ValidationError, constraint: string): boolean {
  return Boolean((error.contexts?.[constraint] as { shape?: boolean } | undefined)?.shape);
}

function firstShapeError(errors: ValidationError[], path = ''): string | null {
  for (const error of errors) {
    const field = path ? `${path}.${error.property}` : error.property;
    for (const [constraint, message] of constraintEntries(error)) {
      if (isShape(error, constraint)) return `${field}: ${message}`;
    }
    const nested = firstShapeError(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

function describeFirst(errors: ValidationError[], path = ''): string {
  const [error] = errors;
  const field = path ? `${path}.${error.property}` : error.property;
  const [first] = constraintEntries(error);
  if (first) return `${field}: ${first[1]}`;
  return describeFirst(error.children ?? [], field);
}

export function toValidationTree(errors: ValidationError[]): ValidationTree {
  const tree: ValidationTree = {};
  for (const error of errors) {
    if (error.children && error.children.length > 0) {
      tree[error.property] = toValidationTree(error.children);
      continue;
    }
    tree[error.property] = constraintEntries(error).map(([constraint, message]): ValidationEntry => ({
      code: CODE_BY_CONSTRAINT[constraint] ?? constraint,
      message,
      params: {},
    }));
  }
  return tree;
}
