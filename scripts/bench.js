#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the whole pipeline on this machine. Starts a local receiver, the API and the
 * dispatcher(s) as real processes over a fresh database and vhost, ingests BENCH_EVENTS events through
 * the HTTP API at BENCH_CONCURRENCY, and measures ingest throughput and latency, end-to-end latency
 * (ingest start → received) and delivered events/s. Prints the figures and writes them as JSON.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { migrateDatabase } = require('../libs/db/dist');
const { Client } = require('pg');

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DISPATCHERS = Number(process.env.BENCH_DISPATCHERS ?? 1);
/** BENCH_AUTH=secret ingests with the application's secret (as Hook0's SDK does) instead of the master key. */
const AUTH = process.env.BENCH_AUTH ?? 'master';
/** BENCH_LOG_LEVEL=info measures the services with their per-delivery logs on (default warn). */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
/** BENCH_PROFILE=dir writes a CPU profile of each service process into dir. */
const PROFILE_DIR = process.env.BENCH_PROFILE;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 18181);
const root = path.resolve(__dirname, '..');
const runId = Date.now().toString(36);
const database = `hook0_bench_${runId}`;
const vhost = `hook0-bench-${runId}`;
const masterKey = randomUUID();

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);
const round = (value) => (value === null ? null : Math.round(value * 100) / 100);

function startReceiver(received) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['x-event-id'];
      if (!received.has(id)) received.set(id, performance.now());
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function spawnService(service, env) {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${service}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'services', service, 'dist', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code && !stopping) process.stderr.write(`${service} exited with ${code ?? signal}\n`);
  });
  return child;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function call(method, urlPath, body, token = masterKey) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: API_PORT, method, path: `/api/v1${urlPath}`, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': payload?.length ?? 0 } },
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

async function waitForApi() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await call('GET', '/organizations');
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let stopping = false;

async function main() {
  await migrateDatabase(`postgres://postgres@127.0.0.1:5432/${database}`);
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  const received = new Map();
  const receiver = await startReceiver(received);
  const env = {
    ...process.env,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`,
    MASTER_API_KEY: masterKey,
    PORT: String(API_PORT),
    METRICS_PORT: '0',
    DISABLE_TARGET_IP_CHECK: 'true',
    // The benchmark measures the pipeline; Hook0's per-token limit (10 requests/s) would measure the limiter.
    DISABLE_API_RATE_LIMITING: 'true',
    LOG_LEVEL,
  };
  const children = [spawnService('api', env)];
  for (let i = 0; i < DISPATCHERS; i += 1) children.push(spawnService('dispatcher', { ...env, WORKER_NAME: `bench-${i}` }));
  try {
    await waitForApi();
    const organization = await call('POST', '/organizations', { name: 'Bench' });
    const application = await call('POST', '/applications', { organization_id: organization.organization_id, name: 'Bench' });
    const applicationId = application.application_id;
    await call('POST', '/event_types', { application_id: applicationId, service: 'bench', resource_type: 'event', verb: 'sent' });
    await call('POST', '/subscriptions', {
      application_id: applicationId,
      is_enabled: true,
      event_types: ['bench.event.sent'],
      labels: { env: 'bench' },
      target: { type: 'http', method: 'POST', url: `http://127.0.0.1:${receiver.address().port}/hook`, headers: {} },
    });

    const ingestToken = AUTH === 'secret' ? (await call('GET', `/application_secrets?application_id=${applicationId}`))[0].token : masterKey;
    const sentAt = new Map();
    const ingestLatencies = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < EVENTS) {
        const index = next++;
        const eventId = randomUUID();
        const begin = performance.now();
        sentAt.set(eventId, begin);
        await call('POST', '/event', {
          application_id: applicationId,
          event_id: eventId,
          event_type: 'bench.event.sent',
          payload: JSON.stringify({ index, padding: 'x'.repeat(200) }),
          payload_content_type: 'application/json',
          occurred_at: new Date().toISOString(),
          labels: { env: 'bench' },
        }, ingestToken);
        ingestLatencies.push(performance.now() - begin);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const ingestSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + 300_000;
    while (received.size < EVENTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const deliveredSeconds = (Math.max(...received.values()) - started) / 1000;
    const endToEnd = [...received].filter(([id]) => sentAt.has(id)).map(([id, at]) => at - sentAt.get(id)).sort((a, b) => a - b);
    ingestLatencies.sort((a, b) => a - b);

    const results = {
      date: new Date().toISOString(),
      machine: { cpus: require('node:os').cpus().length, node: process.version },
      parameters: { events: EVENTS, concurrency: CONCURRENCY, dispatchers: DISPATCHERS, payloadBytes: 220, auth: AUTH, logLevel: LOG_LEVEL },
      ingest: { eventsPerSecond: round(EVENTS / ingestSeconds), p50Ms: round(percentile(ingestLatencies, 50)), p99Ms: round(percentile(ingestLatencies, 99)) },
      endToEnd: { p50Ms: round(percentile(endToEnd, 50)), p99Ms: round(percentile(endToEnd, 99)) },
      delivery: { delivered: received.size, eventsPerSecond: round(received.size / deliveredSeconds) },
    };
    console.log(JSON.stringify(results, null, 2));
    const dir = path.join(root, 'bench-results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `bench-${runId}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to ${path.relative(root, file)}`);
    if (received.size < EVENTS) process.exitCode = 1;
  } finally {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)))));
    receiver.close();
    agent.destroy();
    const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    execFileSync('rabbitmqctl', ['-q', 'delete_vhost', vhost]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
