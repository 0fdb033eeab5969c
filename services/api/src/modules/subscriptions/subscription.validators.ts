import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { forbiddenHeaderReason, parseDuration, SUBSCRIPTION_MAX_RETRY_DELAY_MS, SUBSCRIPTION_MIN_RETRY_DELAY_MS } from '@hook0/core';
import { SHAPE } from '../../http/validators';

function register(name: string, options: ValidationOptions, validate: (value: unknown) => boolean): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name, target: target.constructor, propertyName: propertyName as string, options, validator: { validate } });
}

/** Why a target URL is unusable, or null when it parses with an http(s) scheme and a host. */
export function httpUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `has scheme "${url.protocol.slice(0, -1)}"; only http and https are allowed`;
  if (url.hostname === '') return 'has no host';
  return null;
}

/** Shape (400 JsonPayload with the reason, as Hook0's URL deserializer): a WHATWG-parsable http(s) URL with a host. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  const message = (args: ValidationArguments) => `${args.property} ${httpUrlProblem(args.value) ?? 'is invalid'}`;
  return register('isHttpUrl', { ...SHAPE, message, ...options }, (value) => httpUrlProblem(value) === null);
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, space and tab: what Node sends as is and what the Hook0 v1 signature can cover. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

export function isHeaderMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const names = new Set<string>();
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' || !HEADER_NAME.test(name) || !HEADER_VALUE.test(entry)) return false;
    if (names.has(name.toLowerCase())) return false;
    names.add(name.toLowerCase());
  }
  return true;
}

/** Shape: header names are HTTP tokens (unique regardless of case), values visible ASCII (Hook0 decodes them into a HeaderMap). */
export function IsHeaderMap(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must map distinct HTTP header names to printable ASCII values';
  return register('isHeaderMap', { ...SHAPE, message, ...options }, isHeaderMap);
}

/** Rule (422): at most 10 headers, names and values at most 500 characters. */
export function HeaderMapLimits(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must have at most 10 entries with names and values of at most 500 characters';
  return register('length', { message, ...options }, (value) => {
    if (typeof value !== 'object' || value === null) return true;
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      entries.length <= 10 && entries.every(([name, entry]) => name.length <= 500 && (typeof entry !== 'string' || entry.length <= 500))
    );
  });
}

/** Each forbidden name in a header map, with why (docs/security.md). */
export function forbiddenHeaders(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const problems: string[] = [];
  for (const name of Object.keys(value)) {
    const reason = forbiddenHeaderReason(name);
    if (reason !== null) problems.push(`"${name}" (${reason})`);
  }
  return problems;
}

/** Rule (422): no framing, routing, hop-by-hop or server-set header; the message names each one refused. */
export function NoForbiddenHeaders(options?: ValidationOptions): PropertyDecorator {
  const message = (args: ValidationArguments) => `${args.property} must not set ${forbiddenHeaders(args.value).join(', ')}`;
  return register('forbiddenHeader', { message, ...options }, (value) => forbiddenHeaders(value).length === 0);
}

/** Rule (422): a duration such as `5s` or `1h`, from 1s to 10d. */
export function IsRetryDelay(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must hold durations such as 5s, 10m or 1h, from 1s to 10d';
  return register('range', { message, ...options }, (value) => {
    if (typeof value !== 'string') return true;
    const ms = parseDuration(value);
    return ms !== null && ms >= SUBSCRIPTION_MIN_RETRY_DELAY_MS && ms <= SUBSCRIPTION_MAX_RETRY_DELAY_MS;
  });
}
