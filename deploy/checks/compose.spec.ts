import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import {
  bindMounts,
  COMPOSE_FILE,
  composeVariables,
  ENV_EXAMPLE_FILE,
  EXAMPLE_SECRETS,
  exampleEnvText,
  loadCompose,
  readEnvExample,
  service,
} from './support/compose-file';
import { REPO_ROOT } from './support/repo-path';

const PROMETHEUS_CONFIG = path.join(REPO_ROOT, 'deploy', 'prometheus', 'prometheus.yml');
const CONTRACT_JOBS = ['hook0-api', 'hook0-dispatcher', 'rabbitmq'];
const compose = loadCompose();

interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  static_configs?: { targets: string[] }[];
  dns_sd_configs?: { names: string[]; type: string; port: number }[];
}
interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: ScrapeConfig[];
}
const prometheus = parse(readFileSync(PROMETHEUS_CONFIG, 'utf8')) as PrometheusConfig;

function mountTarget(serviceName: string, repoPath: string): string | undefined {
  return bindMounts(service(compose, serviceName)).find((mount) => mount.source === path.join(REPO_ROOT, repoPath))?.target;
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

/** `docker-compose` (v1, the oldest this file supports) with an .env file holding `envText`. */
function composeConfig(envText: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'hook0-compose-env-'));
  try {
    const envFile = path.join(scratch, '.env');
    writeFileSync(envFile, envText);
    return spawnSync('docker-compose', ['--env-file', envFile, '-f', COMPOSE_FILE, ...args], { encoding: 'utf8' });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const DEFAULT_SERVICES = ['api', 'dispatcher', 'migrate', 'postgres', 'rabbitmq'];

describe('docker-compose.yml', () => {
  it.each([[[]], [['--profile', 'monitoring']], [['--profile', 'deps']]])(
    'is valid for docker-compose with profiles %j, without a warning',
    (profiles) => {
      const result = composeConfig(exampleEnvText(), [...profiles, 'config', '-q']);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    },
  );

  it('refuses to start until .env sets the secrets .env.example leaves empty', () => {
    const result = composeConfig(readFileSync(ENV_EXAMPLE_FILE, 'utf8'), ['config', '-q']);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: expect.stringMatching(/set (POSTGRES_PASSWORD|RABBITMQ_DEFAULT_PASS|GRAFANA_ADMIN_PASSWORD|MASTER_API_KEY)/),
    });
    const empty = [...readEnvExample()].filter(([, value]) => value === '').map(([name]) => name);
    expect(empty.sort()).toEqual(Object.keys(EXAMPLE_SECRETS).sort());
    for (const name of empty)
      expect({ name, required: readFileSync(COMPOSE_FILE, 'utf8').includes(`\${${name}:?`) }).toEqual({ name, required: true });
  });

  it('reads exactly the variables .env.example documents, with the same defaults', () => {
    const documented = readEnvExample();
    expect([...composeVariables()].sort()).toEqual([...documented.keys()].sort());
    const defaults = [...readFileSync(COMPOSE_FILE, 'utf8').matchAll(/\$\{(\w+):-([^}]*)\}/g)];
    for (const [, name, fallback] of defaults) expect({ name, value: documented.get(name) }).toEqual({ name, value: fallback });
  });

  it('starts PostgreSQL, RabbitMQ, migrate, the API and a dispatcher by default; Prometheus and Grafana under monitoring', () => {
    const byProfile = (profile: string | undefined) =>
      Object.entries(compose.services)
        .filter(([, definition]) => definition.profiles?.[0] === profile && (definition.profiles?.length ?? 0) <= 1)
        .map(([name]) => name)
        .sort();
    expect(byProfile(undefined)).toEqual(DEFAULT_SERVICES);
    expect(byProfile('monitoring')).toEqual(['grafana', 'prometheus']);
    expect(byProfile('deps')).toEqual(['deps-postgres', 'deps-rabbitmq']);
    expect(Object.keys(compose.services)).toHaveLength(9);
  });

  it('uses supported images: PostgreSQL 17, RabbitMQ 4 with management, Prometheus 3, Grafana 12', () => {
    expect(service(compose, 'postgres').image).toBe('postgres:17');
    expect(service(compose, 'rabbitmq').image).toMatch(/^rabbitmq:4(\.\d+)*-management$/);
    expect(service(compose, 'prometheus').image).toMatch(/^prom\/prometheus:v3\.\d+\.\d+$/);
    expect(service(compose, 'grafana').image).toMatch(/^grafana\/grafana:12\.\d+\.\d+$/);
  });

  it('publishes nothing but the API beyond 127.0.0.1, and the API only when HOOK0_API_ADDRESS says so', () => {
    const published = Object.entries(compose.services).flatMap(([name, definition]) =>
      (definition.ports ?? []).map((port) => ({ name, address: port.split(':')[0] })),
    );
    expect(published.filter(({ address }) => address !== '127.0.0.1')).toEqual([]);
    expect(readFileSync(COMPOSE_FILE, 'utf8')).toContain('"${HOOK0_API_ADDRESS:-127.0.0.1}:${HOOK0_API_PORT:-8081}:8081"');
  });

  it('gives npm start (deps profile) the same PostgreSQL and RabbitMQ on host ports from .env', () => {
    const env = readEnvExample();
    for (const [deps, main] of [
      ['deps-postgres', 'postgres'],
      ['deps-rabbitmq', 'rabbitmq'],
    ]) {
      const { image, environment, healthcheck } = service(compose, deps);
      expect({ image, environment, healthcheck }).toEqual({
        image: service(compose, main).image,
        environment: service(compose, main).environment,
        healthcheck: service(compose, main).healthcheck,
      });
    }
    expect(service(compose, 'deps-postgres').ports).toEqual([`127.0.0.1:${env.get('DEPS_POSTGRES_PORT')}:5432`]);
    expect(service(compose, 'deps-rabbitmq').ports).toEqual([
      `127.0.0.1:${env.get('DEPS_RABBITMQ_PORT')}:5672`,
      `127.0.0.1:${env.get('DEPS_RABBITMQ_MANAGEMENT_PORT')}:15672`,
    ]);
    expect(mountTarget('deps-rabbitmq', 'deploy/rabbitmq/enabled_plugins')).toBe('/etc/rabbitmq/enabled_plugins');
  });

  it('starts in order: every dependency has a condition, and a service waited on as healthy has a healthcheck', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const [dependency, { condition }] of Object.entries(definition.depends_on ?? {})) {
        const target = service(compose, dependency);
        if (condition === 'service_completed_successfully')
          expect({ name, dependency, restart: target.restart }).toEqual({ name, dependency, restart: 'no' });
        else
          expect({ name, dependency, condition, healthcheck: Boolean(target.healthcheck) }).toEqual({
            name,
            dependency,
            condition: 'service_healthy',
            healthcheck: true,
          });
      }
    }
  });

  it('migrates once PostgreSQL is healthy; api and dispatcher wait for the migration and a healthy broker', () => {
    expect(service(compose, 'migrate').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'dispatcher']) {
      expect(service(compose, name).depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        rabbitmq: { condition: 'service_healthy' },
      });
    }
  });

  it('runs one dispatcher without fixed host ports or names, so `--scale dispatcher=N` works', () => {
    const dispatcher = service(compose, 'dispatcher');
    expect({ deploy: dispatcher.deploy, ports: dispatcher.ports, name: dispatcher.container_name, hostname: dispatcher.hostname }).toEqual({
      deploy: undefined,
      ports: undefined,
      name: undefined,
      hostname: undefined,
    });
  });

  it('points every role at the compose PostgreSQL and RabbitMQ with their credentials', () => {
    const postgres = service(compose, 'postgres').environment ?? {};
    const rabbitmq = service(compose, 'rabbitmq').environment ?? {};
    for (const name of ['migrate', 'api', 'dispatcher']) {
      const environment = service(compose, name).environment ?? {};
      const database = new URL(environment.DATABASE_URL);
      const broker = new URL(environment.AMQP_URL);
      expect({ name, host: database.host, user: database.username, password: database.password, db: database.pathname }).toEqual({
        name,
        host: 'postgres:5432',
        user: postgres.POSTGRES_USER,
        password: postgres.POSTGRES_PASSWORD,
        db: `/${postgres.POSTGRES_DB}`,
      });
      expect({ name, host: broker.host, user: broker.username, password: broker.password }).toEqual({
        name,
        host: 'rabbitmq:5672',
        user: rabbitmq.RABBITMQ_DEFAULT_USER,
        password: rabbitmq.RABBITMQ_DEFAULT_PASS,
      });
    }
  });

  it('enables the RabbitMQ management and Prometheus plugins', () => {
    const target = mountTarget('rabbitmq', 'deploy/rabbitmq/enabled_plugins');
    expect(target).toBe('/etc/rabbitmq/enabled_plugins');
    const plugins = readFileSync(path.join(REPO_ROOT, 'deploy/rabbitmq/enabled_plugins'), 'utf8');
    expect(plugins.trim()).toBe('[rabbitmq_management,rabbitmq_prometheus].');
  });

  it('gives Prometheus its configuration and the directory its rule_files glob reads', () => {
    expect(mountTarget('prometheus', 'deploy/prometheus/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
    const rulesTarget = mountTarget('prometheus', 'deploy/prometheus/rules');
    expect(prometheus.rule_files.map((glob) => path.posix.dirname(glob))).toEqual([rulesTarget]);
  });

  it('provisions Grafana with the compose Prometheus and the dashboard directory', () => {
    const provisioning = path.join(REPO_ROOT, 'deploy/grafana/provisioning');
    expect(mountTarget('grafana', 'deploy/grafana/provisioning')).toBe('/etc/grafana/provisioning');
    const { datasources } = readYaml<{ datasources: { uid?: string; type: string; url: string }[] }>(
      path.join(provisioning, 'datasources/prometheus.yaml'),
    );
    expect(datasources).toEqual([expect.objectContaining({ uid: expect.any(String), type: 'prometheus', url: 'http://prometheus:9090' })]);
    const { providers } = readYaml<{ providers: { options: { path: string } }[] }>(path.join(provisioning, 'dashboards/hook0.yaml'));
    const dashboards = mountTarget('grafana', 'deploy/grafana/dashboards');
    expect(providers.map((provider) => provider.options.path)).toEqual([dashboards]);
    const home = service(compose, 'grafana').environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '';
    expect(home).toBe(`${dashboards}/hook0.json`);
    expect(existsSync(path.join(REPO_ROOT, 'deploy/grafana/dashboards/hook0.json'))).toBe(true);
  });
});

describe('deploy/prometheus/prometheus.yml', () => {
  it('scrapes exactly the contract jobs, at the compose services and their ops ports', () => {
    const jobs = Object.fromEntries(prometheus.scrape_configs.map((job) => [job.job_name, job]));
    expect(Object.keys(jobs).sort()).toEqual(CONTRACT_JOBS);
    expect(jobs['hook0-api'].static_configs).toEqual([{ targets: [`api:${service(compose, 'api').environment?.METRICS_PORT}`] }]);
    // One A record per replica: a static target would reach only one of them.
    expect(jobs['hook0-dispatcher'].dns_sd_configs).toEqual([
      expect.objectContaining({ names: ['dispatcher'], type: 'A', port: Number(service(compose, 'dispatcher').environment?.METRICS_PORT) }),
    ]);
    expect(jobs.rabbitmq).toEqual(
      expect.objectContaining({ metrics_path: '/metrics/per-object', static_configs: [{ targets: ['rabbitmq:15692'] }] }),
    );
  });

  it('passes promtool check config, rule files included (container paths mapped back to the repository)', () => {
    const rulesTarget = mountTarget('prometheus', 'deploy/prometheus/rules') ?? '';
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'hook0-prometheus-'));
    try {
      const rewritten = {
        ...prometheus,
        rule_files: prometheus.rule_files.map((glob) => glob.replace(rulesTarget, path.join(REPO_ROOT, 'deploy/prometheus/rules'))),
      };
      const config = path.join(scratch, 'prometheus.yml');
      writeFileSync(config, stringify(rewritten));
      const result = spawnSync('promtool', ['check', 'config', config], { encoding: 'utf8' });
      expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
        status: 0,
        output: expect.stringMatching(/SUCCESS: \d+ rule files found/),
      });
      const checked = result.stdout
        .split('\n')
        .filter((line) => line.startsWith('Checking '))
        .map((line) => path.basename(line));
      // The glob must reach the alert rules but not promtool's unit-test file beside them.
      expect(checked).toContain('hook0.rules.yaml');
      expect(checked).not.toContain('hook0.rules.test.yaml');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
