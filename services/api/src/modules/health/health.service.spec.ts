import { ProblemError } from '@hook0/core';
import { toHealthView } from './health.presenter';
import { HealthService, type HealthProbes } from './health.service';

function service(probes: Partial<HealthProbes>, key: string | null = '', timeoutMs = 1_000): HealthService {
  return new HealthService({ database: async () => undefined, rabbitmq: () => true, ...probes }, { key, timeoutMs });
}

function problemOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof ProblemError ? error.problemId : 'not a problem';
  }
}

describe('HealthService', () => {
  it('hides the endpoint without a key, opens it with an empty one, and compares a set one exactly', () => {
    expect(problemOf(() => service({}, null).authorize('x'))).toBe('NotFound');
    expect(problemOf(() => service({}, '').authorize(undefined))).toBeNull();
    expect(problemOf(() => service({}, 'k').authorize(undefined))).toBe('Forbidden');
    expect(problemOf(() => service({}, 'k').authorize('K'))).toBe('Forbidden');
    expect(problemOf(() => service({}, 'clé').authorize('cle'))).toBe('Forbidden');
    expect(problemOf(() => service({}, 'clé').authorize('clé'))).toBeNull();
  });

  it('is healthy when PostgreSQL answers and RabbitMQ is connected', async () => {
    const report = await service({}).check();
    expect(report).toMatchObject({ healthy: true, database: { ok: true }, rabbitmq: { ok: true } });
  });

  it('is unhealthy when the database query fails, or RabbitMQ is away', async () => {
    expect((await service({ database: () => Promise.reject(new Error('down')) }).check()).healthy).toBe(false);
    const noBroker = await service({ rabbitmq: () => false }).check();
    expect(noBroker).toMatchObject({ healthy: false, database: { ok: true }, rabbitmq: { ok: false } });
  });

  it('gives a hanging database HEALTH_CHECK_TIMEOUT, then reports it down', async () => {
    const started = Date.now();
    const report = await service({ database: () => new Promise(() => undefined) }, '', 50).check();
    expect(report.healthy).toBe(false);
    expect(report.database.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.database.durationMs).toBeGreaterThanOrEqual(45);
  });

  it("renders Hook0's keys, RabbitMQ in extra ones", async () => {
    const view = toHealthView({
      healthy: false,
      database: { ok: false, durationMs: 5000 },
      rabbitmq: { ok: true, durationMs: 0 },
      totalDurationMs: 5001,
    });
    expect(view).toEqual({
      database: false,
      pulsar: null,
      object_storage: null,
      database_duration_ms: 5000,
      pulsar_duration_ms: null,
      object_storage_duration_ms: null,
      total_duration_ms: 5001,
      rabbitmq: true,
      rabbitmq_duration_ms: 0,
    });
  });
});
