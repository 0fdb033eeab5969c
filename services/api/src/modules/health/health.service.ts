import { timingSafeEqual } from 'node:crypto';
import { ProblemError } from '@hook0/core';

export interface HealthSettings {
  /** HEALTH_CHECK_KEY: null hides the endpoint, "" makes it public, anything else must be given as `?key=`. */
  readonly key: string | null;
  readonly timeoutMs: number;
}

/** What the health check probes: PostgreSQL (one query) and this process's RabbitMQ connection. */
export interface HealthProbes {
  database(): Promise<void>;
  rabbitmq(): boolean;
}

export interface SubsystemHealth {
  readonly ok: boolean;
  readonly durationMs: number;
}

export interface HealthReport {
  readonly healthy: boolean;
  readonly database: SubsystemHealth;
  readonly rabbitmq: SubsystemHealth;
  readonly totalDurationMs: number;
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves true when `check` succeeds within `timeoutMs`, false when it fails or takes longer. */
async function timed(check: () => Promise<unknown>, timeoutMs: number): Promise<SubsystemHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ok = await Promise.race([
    check().then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  return { ok, durationMs: Math.round(performance.now() - started) };
}

/** `GET /health` (docs/hook0-compatibility.md "Instance and health"): healthy when PostgreSQL answers and RabbitMQ is connected. */
export class HealthService {
  constructor(
    private readonly probes: HealthProbes,
    private readonly settings: HealthSettings,
  ) {}

  /** 404 while no key is configured, 403 when the configured key is not the one given. */
  authorize(key: string | undefined): void {
    const expected = this.settings.key;
    if (expected === null) throw new ProblemError('NotFound');
    if (expected !== '' && (key === undefined || !sameKey(key, expected))) throw new ProblemError('Forbidden');
  }

  async check(): Promise<HealthReport> {
    const started = performance.now();
    const database = await timed(() => this.probes.database(), this.settings.timeoutMs);
    const rabbitmq = await timed(async () => {
      if (!this.probes.rabbitmq()) throw new Error('not connected');
    }, this.settings.timeoutMs);
    return { healthy: database.ok && rabbitmq.ok, database, rabbitmq, totalDurationMs: Math.round(performance.now() - started) };
  }
}
