import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { bindMounts, COMPOSE_FILE, loadCompose, service } from './support/compose-file';
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

describe('docker-compose.yml', () => {
  it('is valid for docker-compose, without a warning', () => {
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { encoding: 'utf8' });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('starts in order: every dependency has a condition, and a service waited on as healthy has a healthcheck', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const [dependency, { condition }] of Object.entries(definition.depends_on ?? {})) {
        const target = service(compose, dependency);
        if (condition === 'service_completed_successfully') expect({ name, dependency, restart: target.restart }).toEqual({ name, dependency, restart: 'no' });
        else expect({ name, dependency, condition, healthcheck: Boolean(target.healthcheck) }).toEqual({ name, dependency, condition: 'service_healthy', healthcheck: true });
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

  it('runs two dispatchers without fixed host ports or names, so it scales', () => {
    const dispatcher = service(compose, 'dispatcher');
    expect({ replicas: dispatcher.deploy?.replicas, ports: dispatcher.ports, name: dispatcher.container_name }).toEqual({ replicas: 2, ports: undefined, name: undefined });
  });

  it('points every role at the compose PostgreSQL and RabbitMQ with their credentials', () => {
    const postgres = service(compose, 'postgres').environment ?? {};
    const rabbitmq = service(compose, 'rabbitmq').environment ?? {};
    for (const name of ['migrate', 'api', 'dispatcher']) {
      const environment = service(compose, name).environment ?? {};
      const database = new URL(environment.DATABASE_URL);
      const broker = new URL(environment.AMQP_URL);
      expect({ name, host: database.host, user: database.username, password: database.password, db: database.pathname }).toEqual({
        name, host: 'postgres:5432', user: postgres.POSTGRES_USER, password: postgres.POSTGRES_PASSWORD, db: `/${postgres.POSTGRES_DB}`,
      });
      expect({ name, host: broker.host, user: broker.username, password: broker.password }).toEqual({
        name, host: 'rabbitmq:5672', user: rabbitmq.RABBITMQ_DEFAULT_USER, password: rabbitmq.RABBITMQ_DEFAULT_PASS,
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
    const { datasources } = readYaml<{ datasources: { uid?: string; type: string; url: string }[] }>(path.join(provisioning, 'datasources/prometheus.yaml'));
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
    expect(jobs.rabbitmq).toEqual(expect.objectContaining({ metrics_path: '/metrics/per-object', static_configs: [{ targets: ['rabbitmq:15692'] }] }));
  });

  it('passes promtool check config, rule files included (container paths mapped back to the repository)', () => {
    const rulesTarget = mountTarget('prometheus', 'deploy/prometheus/rules') ?? '';
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'hook0-prometheus-'));
    try {
      const rewritten = { ...prometheus, rule_files: prometheus.rule_files.map((glob) => glob.replace(rulesTarget, path.join(REPO_ROOT, 'deploy/prometheus/rules'))) };
      const config = path.join(scratch, 'prometheus.yml');
      writeFileSync(config, stringify(rewritten));
      const result = spawnSync('promtool', ['check', 'config', config], { encoding: 'utf8' });
      expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({ status: 0, output: expect.stringMatching(/SUCCESS: \d+ rule files found/) });
      const checked = result.stdout.split('\n').filter((line) => line.startsWith('Checking ')).map((line) => path.basename(line));
      // The glob must reach the alert rules but not promtool's unit-test file beside them.
      expect(checked).toContain('hook0.rules.yaml');
      expect(checked).not.toContain('hook0.rules.test.yaml');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
