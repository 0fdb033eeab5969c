import type { ConfigVariable } from './config-variable';
import { CONFIG_VARIABLES, configVariable } from './variable-registry';

interface EnvLine {
  readonly name: string;
  /** Replaces the variable's description as its comment; null: no comment (the section's says it). */
  readonly comment?: string | null;
}

interface EnvSection {
  readonly comment?: readonly string[];
  readonly lines: readonly EnvLine[];
}

const HEADER = [
  'docker-compose.yml reads these (copy this file to .env beside it; .env stays out of git).',
  'The secrets left empty have no default: compose refuses to start until they are set. They go into URLs, so keep them',
  'URL-safe, for example: openssl rand -hex 24 (passwords) and cat /proc/sys/kernel/random/uuid (master key).',
  'Generated from libs/config/src/registry by `npm run docs:config`; docs/configuration.md describes every variable.',
];

/** `.env.example`, in this order: the deploy variables, and the two service variables docker-compose.yml passes on. */
const SECTIONS: readonly EnvSection[] = [
  {
    lines: [
      { name: 'POSTGRES_PASSWORD' },
      { name: 'RABBITMQ_DEFAULT_USER' },
      { name: 'RABBITMQ_DEFAULT_PASS' },
      { name: 'GRAFANA_ADMIN_PASSWORD' },
      { name: 'MASTER_API_KEY', comment: 'A UUID with master rights: creates organizations (README "Walk-through").' },
    ],
  },
  {
    lines: [
      { name: 'HOOK0_TAG' },
      { name: 'HOOK0_APP_URL' },
      { name: 'HOOK0_API_ADDRESS' },
      { name: 'HOOK0_API_PORT' },
      { name: 'LOG_LEVEL', comment: 'error, warn, info or debug, for migrate, the API and the dispatchers.' },
    ],
  },
  {
    comment: ['Host ports, all bound to 127.0.0.1.'],
    lines: [{ name: 'RABBITMQ_MANAGEMENT_PORT' }, { name: 'PROMETHEUS_PORT' }, { name: 'GRAFANA_PORT' }],
  },
  {
    comment: [
      'deps profile (`docker compose up -d deps-postgres deps-rabbitmq`): PostgreSQL and RabbitMQ for `npm start`, on',
      '127.0.0.1 and on ports that leave a PostgreSQL (5432) or RabbitMQ (5672) of this machine alone.',
    ],
    lines: [{ name: 'DEPS_POSTGRES_PORT' }, { name: 'DEPS_RABBITMQ_PORT' }, { name: 'DEPS_RABBITMQ_MANAGEMENT_PORT' }],
  },
];

const FOOTER = ['The services read more variables (docs/configuration.md), but docker-compose.yml passes them only those above.'];

function lookUp(name: string): ConfigVariable {
  const variable = configVariable(name);
  if (!variable) throw new Error(`.env.example names ${name}, which the registry does not declare`);
  return variable;
}

/** The service variables `.env` sets for docker-compose.yml to pass on (MASTER_API_KEY, LOG_LEVEL). */
export function envExampleServiceVariables(): string[] {
  return SECTIONS.flatMap((section) => section.lines.map((line) => line.name)).filter((name) => lookUp(name).kind !== 'deploy');
}

const comment = (lines: readonly string[]) => lines.map((line) => `# ${line}\n`).join('');

/** The text of `.env.example`: every deploy variable, a required or unset one left empty for the operator to fill in. */
export function renderEnvExample(): string {
  const listed = SECTIONS.flatMap((section) => section.lines.map((line) => line.name));
  const missing = CONFIG_VARIABLES.filter((variable) => variable.kind === 'deploy' && !listed.includes(variable.name));
  if (missing.length > 0) throw new Error(`.env.example lacks ${missing.map((variable) => variable.name).join(', ')}`);
  const sections = SECTIONS.map((section) => {
    const lines = section.lines.map((line) => {
      const variable = lookUp(line.name);
      const text = line.comment === undefined ? variable.description : line.comment;
      const value = variable.required || variable.default === null ? '' : variable.default;
      return `${text === null ? '' : comment([text])}${variable.name}=${value}\n`;
    });
    return comment(section.comment ?? []) + lines.join('');
  });
  return [comment(HEADER), ...sections, comment(FOOTER)].join('\n');
}
