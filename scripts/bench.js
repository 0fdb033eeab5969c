#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the whole pipeline on this machine, one scenario per goal in docs/benchmarks.md. Starts a
 * receiver, the API and the dispatcher(s) as real processes over a fresh database and vhost, runs the scenarios
 * one after the other, prints a summary and writes every figure as JSON to bench-results/.
 *
 *   BENCH_SCENARIOS   comma-separated subset of saturation,paced,ingest-only,fan-out,soak (default: all)
 *   BENCH_SMOKE=1     every scenario for a few seconds (`npm run bench:smoke`): checks that it runs, not how fast
 *   BENCH_WARMUP_S / BENCH_MEASURE_S / BENCH_SOAK_S   5 / 20 / 600 by default
 *   BENCH_RATE        the paced scenario's events/s (200)
 *   BENCH_FAN_OUT     subscriptions of the fan-out scenario (100)
 *   BENCH_DISPATCHERS dispatcher processes (1); BENCH_LOG_LEVEL the services' LOG_LEVEL (info, their default)
 *   BENCH_PROFILE=dir a CPU profile of each service process written into dir
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Stack } = require('./bench/stack');
const scenarios = require('./bench/scenarios');

const SMOKE = process.env.BENCH_SMOKE === '1';
const seconds = (name, normal, smoke) => Number(process.env[name] ?? (SMOKE ? smoke : normal)) * 1000;
const durations = {
  warmupMs: seconds('BENCH_WARMUP_S', 5, 1),
  measureMs: seconds('BENCH_MEASURE_S', 20, 3),
  soakMs: seconds('BENCH_SOAK_S', 600, 5),
  rssEveryMs: SMOKE ? 1000 : 10_000,
};
const ALL = ['saturation', 'paced', 'ingest-only', 'fan-out', 'soak'];
const selected = (process.env.BENCH_SCENARIOS ?? ALL.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = selected.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`bench: unknown scenario(s) ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
const RUNNERS = {
  saturation: () => scenarios.saturation(stack, durations),
  paced: () => scenarios.paced(stack, durations, Number(process.env.BENCH_RATE ?? 200)),
  'ingest-only': () => scenarios.ingestOnly(stack, durations),
  'fan-out': () => scenarios.fanOut(stack, durations, Number(process.env.BENCH_FAN_OUT ?? 100)),
  soak: () => scenarios.soak(stack, durations),
};

const stack = new Stack({
  apiPort: Number(process.env.BENCH_API_PORT ?? 18181),
  dispatchers: Number(process.env.BENCH_DISPATCHERS ?? 1),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  profileDir: process.env.BENCH_PROFILE,
});

function machine() {
  const load = (() => {
    try {
      return execFileSync('uptime', { encoding: 'utf8' }).trim();
    } catch {
      return os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(', ');
    }
  })();
  return { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model ?? null, node: process.version, uptime: load };
}

function summary(name, figures) {
  const parts = [];
  if (figures.events_per_s !== undefined) parts.push(`${figures.events_per_s} events/s`);
  if (figures.deliveries_per_s !== undefined && name !== 'paced') parts.push(`${figures.deliveries_per_s} deliveries/s`);
  if (figures.accepted_per_s !== undefined) parts.push(`${figures.accepted_per_s} accepted/s`);
  if (figures.sent_per_s !== undefined) parts.push(`${figures.delivered}/${figures.sent} delivered at ${figures.sent_per_s}/s`);
  if (figures.e2e) parts.push(`e2e p50 ${figures.e2e.p50_ms} ms p99 ${figures.e2e.p99_ms} ms`);
  if (figures.ingest) parts.push(`ingest p50 ${figures.ingest.p50_ms} ms p99 ${figures.ingest.p99_ms} ms`);
  if (figures.rss_mb)
    for (const [process, rss] of Object.entries(figures.rss_mb)) parts.push(`${process} RSS ${rss.first}→${rss.last} MB (max ${rss.max})`);
  if (figures.errors || figures.timed_out) parts.push(`${figures.errors ?? 0} errors, ${figures.timed_out ?? 0} timed out`);
  return `${name.padEnd(12)} ${parts.join(', ')}`;
}

async function main() {
  const results = { date: new Date().toISOString(), smoke: SMOKE, machine: machine(), durations, scenarios: {} };
  let failed = false;
  await stack.start();
  try {
    for (const name of selected) {
      process.stderr.write(`bench: ${name}…\n`);
      const figures = await RUNNERS[name]();
      results.scenarios[name] = { ...figures, rss_after_mb: stack.rss() };
      console.log(summary(name, figures));
      // A scenario that produced no figure at all did not run: that is a failure, whatever the speed.
      const produced = figures.events_per_s ?? figures.accepted_per_s ?? figures.delivered;
      if (!produced) failed = true;
    }
  } finally {
    await stack.stop();
  }
  results.machine.uptime_after = machine().uptime;
  const dir = path.join(__dirname, '..', 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${SMOKE ? 'smoke-' : ''}${stack.runId}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(path.join(__dirname, '..'), file)}`);
  if (failed) {
    console.error('bench: a scenario produced no figures');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
