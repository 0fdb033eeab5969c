import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './repo-path';

export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');
export const ENV_EXAMPLE_FILE = path.join(REPO_ROOT, '.env.example');

/** What a self-hoster writes into the secrets .env.example leaves empty (URL-safe, the master key a UUID). */
export const EXAMPLE_SECRETS: Readonly<Record<string, string>> = {
  POSTGRES_PASSWORD: 'postgres-example-0123',
  RABBITMQ_DEFAULT_PASS: 'rabbitmq-example-4567',
  GRAFANA_ADMIN_PASSWORD: 'grafana-example-89ab',
  MASTER_API_KEY: '6f1f4b0e-3c2a-4d5e-8f90-123456789abc',
};

export interface ComposeHealthcheck {
  readonly test: string[];
}

export interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: string[];
  readonly volumes?: string[];
  readonly depends_on?: Readonly<Record<string, { condition: string }>>;
  readonly healthcheck?: ComposeHealthcheck;
  readonly deploy?: { replicas?: number };
  readonly restart?: string;
  readonly container_name?: string;
  readonly profiles?: string[];
  readonly hostname?: string;
}

export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

/** `.env.example` as variables: name → value (empty for the secrets it leaves to fill in). */
export function readEnvExample(): Map<string, string> {
  const lines = readFileSync(ENV_EXAMPLE_FILE, 'utf8').split('\n');
  return new Map(
    lines.filter((line) => /^\w+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Every variable the compose file substitutes, by name. */
export function composeVariables(): Set<string> {
  return new Set([...readFileSync(COMPOSE_FILE, 'utf8').matchAll(/\$\{(\w+)/g)].map((match) => match[1]));
}

/**
 * The compose file as a self-hoster gets it from .env.example with the secrets filled in: `${VAR:-default}` and
 * `${VAR:?error}` → the .env value (or the default), merge keys applied.
 */
export function loadCompose(): ComposeFile {
  const env = new Map([...readEnvExample(), ...Object.entries(EXAMPLE_SECRETS)]);
  const text = readFileSync(COMPOSE_FILE, 'utf8').replace(
    /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
    (_whole, name: string, fallback?: string) => {
      const value = env.get(name) || fallback;
      if (value === undefined) throw new Error(`docker-compose.yml: \${${name}} has no value in .env.example and no default`);
      return value;
    },
  );
  return parse(text, { merge: true }) as ComposeFile;
}

/** An .env for docker-compose: .env.example with the secrets filled in, and `overrides`. */
export function exampleEnvText(overrides: Readonly<Record<string, string>> = {}): string {
  const env = new Map([...readEnvExample(), ...Object.entries(EXAMPLE_SECRETS), ...Object.entries(overrides)]);
  return [...env].map(([name, value]) => `${name}=${value}\n`).join('');
}

export function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** `./deploy/x:/etc/x:ro` → { source: <repo>/deploy/x, target: /etc/x } for bind mounts. */
export function bindMounts(definition: ComposeService): { source: string; target: string }[] {
  return (definition.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([source]) => source.startsWith('.'))
    .map(([source, target]) => ({ source: path.resolve(REPO_ROOT, source), target }));
}
