import { variablesOf, type ConfigVariable } from './config-variable';

const compose = variablesOf('Docker Compose', 'deploy');
const secret = { sensitive: true, required: true } as const;

/** What docker-compose.yml reads from `.env` besides `MASTER_API_KEY` and `LOG_LEVEL` (see env-example.ts). */
export const DEPLOY_VARIABLES: readonly ConfigVariable[] = [
  compose(
    'POSTGRES_PASSWORD',
    'compose',
    null,
    'PostgreSQL password of the hook0 user (compose creates the user and the database on the first start).',
    secret,
  ),
  compose('RABBITMQ_DEFAULT_USER', 'compose', 'hook0', 'RabbitMQ user the services connect as (created on the first start).'),
  compose('RABBITMQ_DEFAULT_PASS', 'compose', null, "That RabbitMQ user's password.", secret),
  compose(
    'GRAFANA_ADMIN_PASSWORD',
    'compose',
    null,
    "Grafana's admin password (monitoring profile; compose checks it for every profile).",
    secret,
  ),
  compose(
    'HOOK0_TAG',
    'compose',
    'local',
    'Image tag of ghcr.io/hook0-ts/hook0-ts; `local` is what `docker compose build` makes from this checkout.',
  ),
  compose('HOOK0_APP_URL', 'compose', 'http://localhost:8081', 'Public base URL of the API (pagination links).'),
  compose(
    'HOOK0_API_ADDRESS',
    'compose',
    '127.0.0.1',
    'Where the API is published: 0.0.0.0 to accept other machines (put TLS in front), 127.0.0.1 for this one.',
  ),
  compose('HOOK0_API_PORT', 'compose', '8081', 'Host port of the API.'),
  compose('RABBITMQ_MANAGEMENT_PORT', 'compose', '15672', "Host port of RabbitMQ's management UI (default profile)."),
  compose('PROMETHEUS_PORT', 'compose', '9090', 'Host port of Prometheus (monitoring profile).'),
  compose('GRAFANA_PORT', 'compose', '3000', 'Host port of Grafana (monitoring profile).'),
  compose('DEPS_POSTGRES_PORT', 'compose', '55432', 'Host port of PostgreSQL in the deps profile.'),
  compose('DEPS_RABBITMQ_PORT', 'compose', '55672', 'Host port of RabbitMQ in the deps profile.'),
  compose('DEPS_RABBITMQ_MANAGEMENT_PORT', 'compose', '55673', "Host port of RabbitMQ's management UI in the deps profile."),
];
