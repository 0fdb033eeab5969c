import { parseDuration, parseDurationList } from '@hook0/core';
import { configVariable } from './registry/variable-registry';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads variables one by one and collects every problem, so a misconfigured process names them all at once. It reads
 * only the variables the registry (registry/variable-registry.ts) declares for `service`, so that docs/configuration.md,
 * generated from the registry, cannot miss one.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(
    private readonly env: Env,
    private readonly service: 'api' | 'dispatcher',
  ) {}

  string(name: string, fallback: string): string {
    const raw = this.raw(name);
    return raw ?? fallback;
  }

  optionalString(name: string): string | null {
    return this.raw(name) ?? null;
  }

  /** Like optionalString, but an empty value stays an empty string (for a variable whose empty value means something). */
  optionalStringKeepingEmpty(name: string): string | null {
    this.declared(name);
    return this.env[name] ?? null;
  }

  integer(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      return this.fail(name, `must be an integer between ${min} and ${max}, got "${raw}"`, fallback);
    }
    return value;
  }

  number(name: string, fallback: number, min: number, max: number): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      return this.fail(name, `must be a number between ${min} and ${max}, got "${raw}"`, fallback);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    return this.fail(name, `must be true or false, got "${raw}"`, fallback);
  }

  duration(name: string, fallback: string): number {
    const raw = this.raw(name) ?? fallback;
    const value = parseDuration(raw);
    // Falls back to the default, so checks that compare durations do not add a second, misleading problem.
    if (value === null)
      return this.fail(name, `must be a duration such as 500ms, 3s, 10m, 1h or 1d, got "${raw}"`, parseDuration(fallback) ?? 0);
    return value;
  }

  durationList(name: string, fallback: string): number[] {
    const raw = this.raw(name) ?? fallback;
    const value = parseDurationList(raw);
    if (value === null || value.some((ms) => ms <= 0)) {
      return this.fail(name, `must be a comma-separated list of positive durations, got "${raw}"`, [1000]);
    }
    return value;
  }

  /** Comma-separated web origins (`https://app.example.com`), each an origin alone: scheme, host, port; no path. */
  originList(name: string): string[] {
    const raw = this.raw(name);
    if (raw === undefined || raw.trim() === '') return [];
    const origins = raw.split(',').map((entry) => entry.trim());
    const bad = origins.filter((origin) => {
      try {
        return new URL(origin).origin !== origin;
      } catch {
        return true;
      }
    });
    if (bad.length > 0) return this.fail(name, `must be comma-separated origins such as https://app.example.com, got "${bad[0]}"`, []);
    return origins;
  }

  url(name: string, fallback: string, protocols: readonly string[]): string {
    const raw = this.raw(name) ?? fallback;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      return this.fail(name, `must be a ${protocols.join(' or ')} URL`, fallback);
    }
  }

  uuid(name: string): string | null {
    const raw = this.raw(name);
    if (raw === undefined) return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
      return this.fail(name, 'must be a UUID', null);
    }
    return raw.toLowerCase();
  }

  oneOfList<T extends string>(name: string, fallback: string, allowed: readonly T[]): T[] {
    const raw = this.raw(name) ?? fallback;
    const values = raw
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
    if (values.length === 0 || unknown.length > 0) {
      return this.fail(name, `must be a comma-separated list of ${allowed.join(', ')}, got "${raw}"`, [allowed[0]]);
    }
    return values as T[];
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.raw(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(raw)) return this.fail(name, `must be one of ${allowed.join(', ')}`, fallback);
    return raw as T;
  }

  check(condition: boolean, name: string, message: string): void {
    if (!condition) this.problems.push(`${name} ${message}`);
  }

  /** Throws a ConfigError listing every problem found. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  private raw(name: string): string | undefined {
    this.declared(name);
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** A programming error, not a configuration one: the loader reads a variable the registry does not declare. */
  private declared(name: string): void {
    const variable = configVariable(name);
    if (variable?.kind !== 'config' || (variable.service !== 'all' && variable.service !== this.service)) {
      throw new Error(`${name} is not declared for the ${this.service} in libs/config/src/registry (kind config)`);
    }
  }

  private fail<T>(name: string, message: string, fallback: T): T {
    this.problems.push(`${name} ${message}`);
    return fallback;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}
