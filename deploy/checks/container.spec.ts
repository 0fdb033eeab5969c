import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AMQP_BASE_URL, databaseUrl, freePort, POSTGRES_ADMIN_URL } from '@hook0/testing';
import { loadCompose, service } from './support/compose-file';
import { REPO_ROOT } from './support/repo-path';
import { buildStage, type BuiltStage, type StageFilesystem } from './support/container-build';
import { readDockerfile } from './support/container-dockerfile';
import { RoleProcess } from './support/container-role-process';

/**
 * The image without an engine: the Dockerfile's stages laid out on disk (the build stage is this checkout after
 * `npm run build`), then every role started from the runtime tree with the command docker-compose.yml gives it.
 * A runtime import of a devDependency, or a file the runtime stage forgets to copy, fails here.
 */
const run = promisify(execFile);
const SETUP_TIMEOUT_MS = 600_000;
/** The Dockerfile's compiling stage: the checkout, built by `npm run build`, stands for it. */
const BUILD_STAGE = 'build';
const id = randomBytes(4).toString('hex');
const database = `hook0_test_container_${id}`;
const vhost = `hook0-test-container-${id}`;
const compose = loadCompose();
const processes: RoleProcess[] = [];
let scratch: string;
let image: BuiltStage;
let app: string;

beforeAll(async () => {
  await run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT });
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hook0-image-'));
  const checkout: StageFilesystem = (containerPath) => path.join(REPO_ROOT, path.posix.relative('/app', containerPath));
  const built = new Map<string, BuiltStage>([[BUILD_STAGE, { filesystem: checkout, workdir: '/app', env: {} }]]);
  const stages = readDockerfile(path.join(REPO_ROOT, 'Dockerfile'));
  for (const stage of stages.filter((candidate) => candidate.name !== BUILD_STAGE)) {
    const laidOut = await buildStage(stage, path.join(scratch, stage.name), {
      context: REPO_ROOT,
      builtStages: built,
      runEnv: { npm_config_prefer_offline: 'true' },
    });
    built.set(stage.name, laidOut);
    image = laidOut;
  }
  app = image.filesystem(image.workdir);
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(processes.map((started) => started.kill()));
  await rabbitmqctl('delete_vhost', vhost).catch(() => undefined);
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function rabbitmqctl(...args: string[]): Promise<unknown> {
  return run('timeout', ['60', 'rabbitmqctl', '-q', ...args]);
}

function start(role: string, env: Record<string, string>): RoleProcess {
  const amqpUrl = new URL(AMQP_BASE_URL);
  amqpUrl.pathname = `/${encodeURIComponent(vhost)}`;
  const command = service(compose, role).command ?? [];
  const started = RoleProcess.start(role, command, app, {
    PATH: process.env.PATH ?? '',
    ...image.env,
    DATABASE_URL: databaseUrl(database),
    AMQP_URL: amqpUrl.toString(),
    AMQP_PREFIX: 'hook0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  processes.push(started);
  return started;
}

/** The compose healthcheck's own command, pointed at the port this run gave the service. */
async function composeHealthcheck(role: string, composePort: string, port: number): Promise<void> {
  const [kind, program, ...args] = service(compose, role).healthcheck?.test ?? [];
  expect([kind, program]).toEqual(['CMD', 'node']);
  await run(
    program,
    args.map((arg) => arg.replaceAll(`:${composePort}/`, `:${port}/`)),
    { cwd: app },
  );
}

async function filesOutside(directory: string, skip: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes(skip));
}

describe('the production image tree', () => {
  it('holds only package manifests, compiled code and node_modules', async () => {
    const unexpected = (await filesOutside(app, 'node_modules')).filter((file) => !/(^|\/)package(-lock)?\.json$|(^|\/)dist\//.test(file));
    expect(unexpected).toEqual([]);
  });

  it('holds no test code: no spec, fixture, harness or test helper compiled, nothing that loads a test library', async () => {
    const compiled = (await filesOutside(app, 'node_modules')).filter((file) => file.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(50);
    expect(compiled.filter((file) => /(^|\/)(test|tests|testing|e2e|faults)\/|spec\.js$|fixtures?\.js$|harness/.test(file))).toEqual([]);
    const testLibraries = /require\("(supertest|jest|@jest\/[\w-]+|@hook0\/testing|hook0-client|standardwebhooks)"\)/;
    expect(compiled.filter((file) => testLibraries.test(readFileSync(path.join(app, file), 'utf8')))).toEqual([]);
    expect(existsSync(path.join(app, 'libs', 'testing', 'dist'))).toBe(false);
  });

  it('holds no package the lock file marks as a dev dependency', () => {
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/') && lock.packages[key].dev);
    expect(devOnly).toEqual(expect.arrayContaining(['node_modules/typescript', 'node_modules/jest']));
    expect(devOnly.filter((key) => existsSync(path.join(app, key)))).toEqual([]);
  });

  it('migrates a fresh database with the migrate command and exits 0', async () => {
    const migrate = start('migrate', {});
    expect({ code: await migrate.exited, output: migrate.output.join('') }).toEqual({
      code: 0,
      output: expect.stringContaining('"migrations.applied"'),
    });
    expect(migrate.output.join('')).toMatch(/"applied":\["\w+/);
  }, 120_000);

  it.each([
    ['api', '9464'],
    ['dispatcher', '9465'],
  ])(
    '%s starts, reports ready, passes its compose healthcheck and exits 0 on SIGTERM',
    async (role, composePort) => {
      const metricsPort = await freePort();
      const started = start(role, { METRICS_PORT: String(metricsPort), PORT: String(await freePort()) });
      await started.waitUntilReady(`http://127.0.0.1:${metricsPort}/readyz`);
      await composeHealthcheck(role, composePort, metricsPort);
      expect({ code: await started.terminate(), output: started.output.join('') }).toEqual({ code: 0, output: expect.any(String) });
    },
    120_000,
  );
});
