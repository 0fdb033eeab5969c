import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { verifyWebhookSignature } from 'hook0-client';
import { waitFor } from '@hook0/testing';
import { ComposeProject } from './support/compose-project';
import { composeCommand, docker } from './support/docker-cli';
import { freePorts, freshSecrets, REPO_ROOT, writeEnvFile } from './support/env-file';
import { createTenant, Hook0Api, sendEvents, type Tenant } from './support/hook0-api';
import { HostReceiver, type Delivery } from './support/host-receiver';

/**
 * `docker compose up` for real: the image built from the Dockerfile as it is, the default profile of
 * docker-compose.yml started with an .env made from .env.example, events sent through the API and delivered,
 * signed, to a receiver on the Docker host; then two dispatchers, one restarted while deliveries are in flight.
 */
const id = randomBytes(3).toString('hex');
const TAG = `compose-test-${id}`;
const IMAGE = `ghcr.io/hook0-ts/hook0-ts:${TAG}`;
const receiver = new HostReceiver();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hook0-compose-'));
let env: Record<string, string>;
let project: ComposeProject;
let api: Hook0Api;
let tenant: Tenant;

/** Consumers of the work queues, from RabbitMQ's management API on the port and with the user of the .env. */
async function workQueueConsumers(): Promise<Record<string, number>> {
  const authorization = `Basic ${Buffer.from(`${env.RABBITMQ_DEFAULT_USER}:${env.RABBITMQ_DEFAULT_PASS}`).toString('base64')}`;
  const consumers: Record<string, number> = {};
  for (const queue of ['hook0.dispatch', 'hook0.deliver']) {
    const response = await fetch(`http://127.0.0.1:${env.RABBITMQ_MANAGEMENT_PORT}/api/queues/%2F/${queue}`, {
      headers: { authorization },
    });
    consumers[queue] = ((await response.json()) as { consumers: number }).consumers;
  }
  return consumers;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  return String(headers[name] ?? '');
}

function verifies(delivery: Delivery): boolean {
  const headers = new Headers();
  for (const [name, value] of Object.entries(delivery.headers)) if (typeof value === 'string') headers.set(name, value);
  return (
    verifyWebhookSignature(header(delivery.headers, 'x-hook0-signature'), delivery.body, headers, tenant.subscriptionSecret, 600) === true
  );
}

beforeAll(async () => {
  await docker(['build', '-t', IMAGE, REPO_ROOT], { env: { ...process.env, DOCKER_BUILDKIT: '1' }, timeoutMs: 1_200_000 });
  const envFile = path.join(scratch, '.env');
  env = writeEnvFile(envFile, { ...freshSecrets(), HOOK0_TAG: TAG, ...(await freePorts('HOOK0_API_PORT', 'RABBITMQ_MANAGEMENT_PORT')) });
  const files = [path.join(REPO_ROOT, 'docker-compose.yml'), path.join(__dirname, 'test.compose.yml')];
  project = new ComposeProject(await composeCommand(), `hook0compose${id}`, files, envFile, REPO_ROOT);
  await project.compose(['up', '-d', '--no-build']);
  await project.waitHealthy('api', 1);
  await project.waitHealthy('dispatcher', 1);
  api = new Hook0Api(`http://127.0.0.1:${env.HOOK0_API_PORT}`);
  const receiverPort = await receiver.start();
  tenant = await createTenant(api, env.MASTER_API_KEY, `http://${await project.hostAddress()}:${receiverPort}/hooks`);
}, 1_500_000);

afterAll(async () => {
  await receiver.stop();
  await project?.compose(['down', '-v', '--remove-orphans']).catch((error: Error) => console.error(error.message));
  await docker(['image', 'rm', IMAGE]).catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
}, 300_000);

describe('docker-compose.yml, default profile', () => {
  it('ran the migration to completion before the services started', async () => {
    const [migrate] = await project.containers('migrate');
    expect({ status: migrate.status, exitCode: migrate.exitCode }).toEqual({ status: 'exited', exitCode: 0 });
    expect((await project.containers('postgres')).map((state) => state.health)).toEqual(['healthy']);
    expect((await project.containers('rabbitmq')).map((state) => state.health)).toEqual(['healthy']);
  });

  it('serves the web dashboard bundled in the image at /', async () => {
    const page = await fetch(`http://127.0.0.1:${env.HOOK0_API_PORT}/login`);
    expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringMatching(/^text\/html/),
    });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1] ?? '/assets/missing.js';
    expect((await fetch(`http://127.0.0.1:${env.HOOK0_API_PORT}${script}`)).status).toBe(200);
  });

  it('delivers events sent through the API to the receiver, signed with the subscription secret', async () => {
    const ids = await sendEvents(api, tenant, 5);
    await receiver.waitUntil(() => ids.every((eventId) => receiver.eventIds().has(eventId)), 'the 5 events delivered', 60_000);
    const delivered = receiver.deliveries.filter((delivery) => ids.includes(header(delivery.headers, 'x-event-id')));
    expect(
      delivered.map((delivery) => ({ path: delivery.path, type: header(delivery.headers, 'x-event-type'), verified: verifies(delivery) })),
    ).toEqual(ids.map(() => ({ path: '/hooks', type: 'billing.invoice.paid', verified: true })));
    expect(() =>
      verifyWebhookSignature(
        header(delivered[0].headers, 'x-hook0-signature'),
        delivered[0].body,
        new Headers(delivered[0].headers as Record<string, string>),
        randomUUID(),
        600,
      ),
    ).toThrow();
  }, 120_000);

  it('scales to two dispatchers, and loses no event when one of them restarts mid-delivery', async () => {
    await project.compose(['up', '-d', '--no-build', '--scale', 'dispatcher=2']);
    const dispatchers = await project.waitHealthy('dispatcher', 2);
    expect(dispatchers).toHaveLength(2);
    // Both replicas compete for the same work queues.
    await waitFor(
      async () => ((await workQueueConsumers())['hook0.deliver'] === 2 ? true : undefined),
      'two consumers on hook0.deliver',
      60_000,
    );
    expect(await workQueueConsumers()).toEqual({ 'hook0.dispatch': 2, 'hook0.deliver': 2 });

    receiver.delayMs = 200;
    const before = receiver.deliveries.length;
    const sending = sendEvents(api, tenant, 300);
    sending.catch(() => undefined); // awaited below; a failure is reported there
    await receiver.waitUntil(() => receiver.deliveries.length >= before + 30, '30 deliveries of the batch', 120_000);
    const deliveredAtRestart = receiver.deliveries.length - before;
    await docker(['restart', dispatchers[0].id]);
    const ids = await sending;
    await receiver.waitUntil(
      () => ids.every((eventId) => receiver.eventIds().has(eventId)),
      'every event delivered at least once',
      240_000,
    );
    const batch = receiver.deliveries.filter((delivery) => ids.includes(header(delivery.headers, 'x-event-id')));
    expect(batch.filter((delivery) => !verifies(delivery))).toEqual([]);
    // The receiver answers in 200 ms and a subscription has 10 deliveries in flight: most of the batch was still to come.
    expect(deliveredAtRestart).toBeLessThan(100);
    const restarted = (await project.containers('dispatcher')).find((state) => state.id === dispatchers[0].id);
    expect(restarted?.startedAt).not.toBe(dispatchers[0].startedAt);
    await project.waitHealthy('dispatcher', 2);
  }, 600_000);
});
