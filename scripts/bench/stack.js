'use strict';
/**
 * The system under test for `npm run bench`: a fresh database and vhost, the API and dispatcher processes started
 * from their built entry points, a receiver that resolves a waiter per event id, and a small API client.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

/** A receiver answering 204 at once; `onDelivery(eventId)` is called for every request. */
function startReceiver(onDelivery) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      onDelivery(String(req.headers['x-event-id']));
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Resident set size of a process in MB, read from /proc (null once it is gone). */
function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

class Stack {
  constructor(options) {
    this.options = options;
    this.runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    this.database = `hook0_bench_${this.runId}`;
    this.vhost = `hook0-bench-${this.runId}`;
    this.masterKey = randomUUID();
    this.children = [];
    this.stopping = false;
    this.waiters = new Map();
    this.deliveries = 0;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  }

  async start() {
    const { migrateDatabase } = require(path.join(root, 'libs/db/dist'));
    const databaseUrl = `postgres://postgres@127.0.0.1:5432/${this.database}`;
    await migrateDatabase(databaseUrl);
    execFileSync('rabbitmqctl', ['-q', 'add_vhost', this.vhost]);
    execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', this.vhost, 'guest', '.*', '.*', '.*']);
    this.receiver = await startReceiver((eventId) => {
      this.deliveries += 1;
      const waiter = this.waiters.get(eventId);
      if (waiter !== undefined) waiter();
    });
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(this.vhost)}`,
      MASTER_API_KEY: this.masterKey,
      PORT: String(this.options.apiPort),
      METRICS_PORT: '0',
      DISABLE_TARGET_IP_CHECK: 'true',
      // The benchmark measures the pipeline; Hook0's per-token limit (10 requests/s) would measure the limiter.
      DISABLE_API_RATE_LIMITING: 'true',
      LOG_LEVEL: this.options.logLevel,
    };
    this.processes = { api: this.spawnService('api', env) };
    for (let i = 0; i < this.options.dispatchers; i += 1)
      this.processes[`dispatcher${i === 0 ? '' : i}`] = this.spawnService('dispatcher', { ...env, WORKER_NAME: `bench-${i}` });
    await this.waitForApi();
    const organization = await this.call('POST', '/organizations', { name: 'Bench' });
    this.organizationId = organization.organization_id;
  }

  spawnService(service, env) {
    const dir = this.options.profileDir;
    const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${service}-${Date.now()}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, path.join(root, 'services', service, 'dist', 'main.js')], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!this.stopping) process.stderr.write(`bench: ${service} exited with ${code ?? signal}\n`);
    });
    this.children.push(child);
    return child;
  }

  /** RSS in MB of each service process, by name. */
  rss() {
    return Object.fromEntries(Object.entries(this.processes).map(([name, child]) => [name, rssMb(child.pid)]));
  }

  call(method, urlPath, body) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.options.apiPort,
          method,
          path: `/api/v1${urlPath}`,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.masterKey}`,
            'content-type': 'application/json',
            'content-length': payload?.length ?? 0,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode >= 300) reject(new Error(`${method} ${urlPath} → ${res.statusCode} ${text}`));
            else resolve(text ? JSON.parse(text) : null);
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async waitForApi() {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await this.call('GET', '/organizations');
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** A new application with the bench event type and `subscriptions` subscriptions to the receiver. */
  async application(name, subscriptions) {
    const application = await this.call('POST', '/applications', { organization_id: this.organizationId, name });
    const applicationId = application.application_id;
    await this.call('POST', '/event_types', { application_id: applicationId, service: 'bench', resource_type: 'event', verb: 'sent' });
    for (let i = 0; i < subscriptions; i += 1) {
      await this.call('POST', '/subscriptions', {
        application_id: applicationId,
        is_enabled: true,
        event_types: ['bench.event.sent'],
        labels: { env: 'bench' },
        target: { type: 'http', method: 'POST', url: `http://127.0.0.1:${this.receiver.address().port}/hook/${i}`, headers: {} },
      });
    }
    return applicationId;
  }

  /** Sends one event (~1 KB payload); resolves its ingest latency in ms. */
  async sendEvent(applicationId, eventId) {
    const begin = performance.now();
    await this.call('POST', '/event', {
      application_id: applicationId,
      event_id: eventId,
      event_type: 'bench.event.sent',
      payload: JSON.stringify({ eventId, padding: 'x'.repeat(1000) }),
      payload_content_type: 'application/json',
      occurred_at: new Date().toISOString(),
      labels: { env: 'bench' },
    });
    return performance.now() - begin;
  }

  /** Resolves once the receiver has had `count` requests for `eventId` (registered before the event is sent). */
  expect(eventId, count = 1) {
    let seen = 0;
    return new Promise((resolve) => {
      this.waiters.set(eventId, () => {
        seen += 1;
        if (seen === count) {
          this.waiters.delete(eventId);
          resolve(performance.now());
        }
      });
    });
  }

  async stop() {
    this.stopping = true;
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(
      this.children.map(
        (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', resolve))),
      ),
    );
    this.receiver?.close();
    this.agent.destroy();
    const { Client } = require('pg');
    const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await admin.end();
    execFileSync('rabbitmqctl', ['-q', 'delete_vhost', this.vhost]);
  }
}

module.exports = { Stack, randomUUID };
