import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@hook0/testing';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The secrets .env.example leaves empty, filled in as its comments say (hex passwords, a UUID master key). */
export function freshSecrets(): Record<string, string> {
  return {
    POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
    RABBITMQ_DEFAULT_PASS: randomBytes(12).toString('hex'),
    GRAFANA_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    MASTER_API_KEY: randomUUID(),
  };
}

/** Free host ports for the named variables, so a run leaves whatever this machine already serves alone. */
export async function freePorts(...names: string[]): Promise<Record<string, string>> {
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  return ports;
}

/** Writes `file`: .env.example, as a self-hoster copies it, with `values` put in; returns every variable it holds. */
export function writeEnvFile(file: string, values: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  const lines = readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8')
    .split('\n')
    .map((line) =>
      line.replace(/^(\w+)=(.*)$/, (_whole, name: string, value: string) => {
        env[name] = values[name] ?? value;
        return `${name}=${env[name]}`;
      }),
    );
  writeFileSync(file, lines.join('\n'));
  return env;
}
