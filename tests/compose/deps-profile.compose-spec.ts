import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { Client } from 'pg';
import { ComposeProject } from './support/compose-project';
import { composeCommand } from './support/docker-cli';
import { freePorts, freshSecrets, REPO_ROOT, writeEnvFile } from './support/env-file';

/**
 * The deps profile as the README gives it to `npm start`: `up deps-postgres deps-rabbitmq` starts those two alone,
 * published on 127.0.0.1 at the ports of the .env, reachable with the URLs the README builds from the .env.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hook0-compose-deps-'));
let env: Record<string, string>;
let project: ComposeProject;

beforeAll(async () => {
  const envFile = path.join(scratch, '.env');
  env = writeEnvFile(envFile, {
    ...freshSecrets(),
    ...(await freePorts('DEPS_POSTGRES_PORT', 'DEPS_RABBITMQ_PORT', 'DEPS_RABBITMQ_MANAGEMENT_PORT')),
  });
  const name = `hook0deps${randomBytes(3).toString('hex')}`;
  project = new ComposeProject(await composeCommand(), name, [path.join(REPO_ROOT, 'docker-compose.yml')], envFile, REPO_ROOT);
  await project.compose(['up', '-d', 'deps-postgres', 'deps-rabbitmq']);
  await project.waitHealthy('deps-postgres', 1);
  await project.waitHealthy('deps-rabbitmq', 1);
}, 300_000);

afterAll(async () => {
  await project?.compose(['down', '-v', '--remove-orphans']).catch((error: Error) => console.error(error.message));
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('docker-compose.yml, deps profile', () => {
  it('starts only PostgreSQL and RabbitMQ', async () => {
    const running = await Promise.all(
      ['postgres', 'rabbitmq', 'migrate', 'api', 'dispatcher'].map(async (service) => [
        service,
        (await project.containers(service)).length,
      ]),
    );
    expect(Object.fromEntries(running)).toEqual({ postgres: 0, rabbitmq: 0, migrate: 0, api: 0, dispatcher: 0 });
  });

  it('serves PostgreSQL on the .env port with the .env password', async () => {
    const client = new Client({ connectionString: `postgres://hook0:${env.POSTGRES_PASSWORD}@127.0.0.1:${env.DEPS_POSTGRES_PORT}/hook0` });
    await client.connect();
    try {
      expect((await client.query<{ user: string }>('SELECT current_user AS user')).rows).toEqual([{ user: 'hook0' }]);
    } finally {
      await client.end();
    }
    const wrong = new Client({ connectionString: `postgres://hook0:wrong@127.0.0.1:${env.DEPS_POSTGRES_PORT}/hook0` });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('serves RabbitMQ on the .env port to the .env user', async () => {
    const connection = await amqp.connect(
      `amqp://${env.RABBITMQ_DEFAULT_USER}:${env.RABBITMQ_DEFAULT_PASS}@127.0.0.1:${env.DEPS_RABBITMQ_PORT}`,
    );
    try {
      const channel = await connection.createChannel();
      expect((await channel.checkQueue((await channel.assertQueue('', { exclusive: true })).queue)).messageCount).toBe(0);
    } finally {
      await connection.close();
    }
    await expect(amqp.connect(`amqp://${env.RABBITMQ_DEFAULT_USER}:wrong@127.0.0.1:${env.DEPS_RABBITMQ_PORT}`)).rejects.toThrow(
      /ACCESS_REFUSED|403/,
    );
  });
});
