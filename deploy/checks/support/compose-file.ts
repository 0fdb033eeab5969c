import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './repo-path';

export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

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
}

export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

/** The compose file as a self-hoster without an .env file gets it: `${VAR:-default}` → default, merge keys applied. */
export function loadCompose(): ComposeFile {
  const text = readFileSync(COMPOSE_FILE, 'utf8').replace(/\$\{\w+:-([^}]*)\}/g, (_, fallback: string) => fallback);
  return parse(text, { merge: true }) as ComposeFile;
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
