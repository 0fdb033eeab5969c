'use strict';
/** The scenarios of `npm run bench`, one per goal in docs/benchmarks.md. Each returns plain figures. */
const { randomUUID } = require('node:crypto');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);
const round = (value) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);

function latencies(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? null) };
}

/**
 * Closed loop: `window` workers, each sends an event and waits until the receiver has had its `fanOut` deliveries
 * (or `timeoutMs`), then sends the next. Figures count only what completes after `warmupMs`.
 */
async function closedLoop(stack, { applicationId, window, warmupMs, durationMs, fanOut = 1, timeoutMs = 30_000, onTick }) {
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const e2e = [];
  const ingest = [];
  let completed = 0;
  let timedOut = 0;
  let errors = 0;
  let deliveriesAtStart = null;
  const worker = async () => {
    while (performance.now() < end) {
      const eventId = randomUUID();
      const arrived = stack.expect(eventId, fanOut);
      const sentAt = performance.now();
      try {
        const ingestMs = await stack.sendEvent(applicationId, eventId);
        const receivedAt = await Promise.race([arrived, sleep(timeoutMs).then(() => null)]);
        if (receivedAt === null) {
          timedOut += 1;
          stack.waiters.delete(eventId);
          continue;
        }
        if (sentAt >= measureFrom && receivedAt <= end) {
          completed += 1;
          e2e.push(receivedAt - sentAt);
          ingest.push(ingestMs);
        }
      } catch {
        errors += 1;
        stack.waiters.delete(eventId);
        await sleep(50);
      }
    }
  };
  const ticker = setInterval(() => {
    if (deliveriesAtStart === null && performance.now() >= measureFrom) deliveriesAtStart = stack.deliveries;
    onTick?.();
  }, 100);
  await Promise.all(Array.from({ length: window }, worker));
  clearInterval(ticker);
  const seconds = durationMs / 1000;
  return {
    window,
    events_per_s: round(completed / seconds),
    deliveries_per_s:
      deliveriesAtStart === null ? null : round((stack.deliveries - deliveriesAtStart) / ((performance.now() - measureFrom) / 1000)),
    e2e: latencies(e2e),
    ingest: latencies(ingest),
    errors,
    timed_out: timedOut,
  };
}

/** Saturation: one subscription, 100 events between POST /event and the receiver. */
async function saturation(stack, durations) {
  const applicationId = await stack.application('saturation', 1);
  return closedLoop(stack, { applicationId, window: 100, warmupMs: durations.warmupMs, durationMs: durations.measureMs });
}

/** Paced: an open loop at `rate` events/s (one subscription): the latency below saturation. */
async function paced(stack, durations, rate = 200) {
  const applicationId = await stack.application('paced', 1);
  const e2e = [];
  const ingest = [];
  let errors = 0;
  const pending = [];
  const total = Math.max(1, Math.round((rate * durations.measureMs) / 1000));
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const eventId = randomUUID();
    const arrived = stack.expect(eventId);
    const sentAt = performance.now();
    pending.push(
      stack
        .sendEvent(applicationId, eventId)
        .then(async (ingestMs) => {
          ingest.push(ingestMs);
          const receivedAt = await Promise.race([arrived, sleep(30_000).then(() => null)]);
          if (receivedAt !== null) e2e.push(receivedAt - sentAt);
          else stack.waiters.delete(eventId);
        })
        .catch(() => {
          errors += 1;
          stack.waiters.delete(eventId);
        }),
    );
  }
  const sentSeconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return {
    rate,
    sent_per_s: round(total / sentSeconds),
    delivered: e2e.length,
    sent: total,
    e2e: latencies(e2e),
    ingest: latencies(ingest),
    errors,
  };
}

/** Ingest only: an application without subscriptions (the dispatcher still fans each event out to nothing). */
async function ingestOnly(stack, durations, concurrency = 50) {
  const applicationId = await stack.application('ingest-only', 0);
  const start = performance.now();
  const measureFrom = start + durations.warmupMs;
  const end = measureFrom + durations.measureMs;
  const ingest = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const sentAt = performance.now();
      try {
        const ingestMs = await stack.sendEvent(applicationId, randomUUID());
        if (sentAt >= measureFrom && performance.now() <= end) ingest.push(ingestMs);
      } catch {
        errors += 1;
        await sleep(50);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { concurrency, accepted_per_s: round(ingest.length / (durations.measureMs / 1000)), ingest: latencies(ingest), errors };
}

/** Fan-out: each event to `subscriptions` subscriptions, a few events in flight; deliveries/s is the figure. */
async function fanOut(stack, durations, subscriptions = 100, window = 4) {
  const applicationId = await stack.application('fan-out', subscriptions);
  const result = await closedLoop(stack, {
    applicationId,
    window,
    warmupMs: durations.warmupMs,
    durationMs: durations.measureMs,
    fanOut: subscriptions,
    timeoutMs: 60_000,
  });
  return { subscriptions, ...result };
}

/** Soak: the saturation loop for a long time, with the RSS of each process sampled from /proc. */
async function soak(stack, durations) {
  const applicationId = await stack.application('soak', 1);
  const samples = [];
  let lastSample = 0;
  const sample = () => {
    const now = performance.now();
    if (now - lastSample < durations.rssEveryMs) return;
    lastSample = now;
    samples.push(stack.rss());
  };
  sample();
  const result = await closedLoop(stack, { applicationId, window: 100, warmupMs: 0, durationMs: durations.soakMs, onTick: sample });
  lastSample = 0;
  sample();
  const rss_mb = {};
  for (const name of Object.keys(samples[0])) {
    const values = samples.map((s) => s[name]).filter((v) => v !== null);
    rss_mb[name] = {
      first: values[0] ?? null,
      last: values.at(-1) ?? null,
      max: values.length ? Math.max(...values) : null,
      samples: values,
    };
  }
  return { duration_s: durations.soakMs / 1000, ...result, rss_mb };
}

module.exports = { saturation, paced, ingestOnly, fanOut, soak };
