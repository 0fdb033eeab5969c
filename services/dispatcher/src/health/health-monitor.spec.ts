import type { HealthTransition, SubscriptionHealthRepository } from '@hook0/db';
import { createHealthMetrics, createLogger, createRegistry } from '@hook0/observability';
import { HealthGate } from './health-gate';
import { HealthMonitor } from './health-monitor';
import { HealthReportBuffer } from './health-report-buffer';
import type { OperationalEvents } from './operational-events';

const POLICY = { disableAfterMs: 1000, disableMinFailures: 3, probeIntervalMs: 1000, probeMaxIntervalMs: 4000 };
const transition = (fields: Partial<HealthTransition>): HealthTransition => ({
  subscriptionId: 'sub',
  applicationId: 'app',
  organizationId: 'org',
  status: 'disabled',
  previousStatus: 'failing',
  disabledReason: 'gone',
  nextProbeAt: new Date(0),
  ...fields,
});

function setup() {
  const repository = {
    record: jest.fn(async (): Promise<HealthTransition[]> => []),
    disabled: jest.fn(async () => new Map<string, Date | null>()),
    claimDueProbes: jest.fn(async (): Promise<{ subscriptionId: string; attemptId: string | null }[]> => []),
    postponeProbe: jest.fn(async () => undefined),
    release: jest.fn(async (): Promise<string[]> => []),
  };
  const events = { emit: jest.fn(), flush: jest.fn(async () => undefined) };
  const probe = jest.fn(async () => undefined);
  const announce = jest.fn(async () => undefined);
  const gate = new HealthGate();
  const buffer = new HealthReportBuffer();
  const monitor = new HealthMonitor({
    repository: repository as unknown as SubscriptionHealthRepository,
    gate,
    buffer,
    policy: POLICY,
    checkIntervalMs: 500,
    redrivePerSecond: 4,
    probeLeaseMs: 20_000,
    probe,
    announce,
    events: events as unknown as OperationalEvents,
    metrics: createHealthMetrics(createRegistry('test')),
    logger: createLogger('test', 'error', true),
  });
  return { monitor, repository, events, probe, announce, gate, buffer };
}

const failure = { subscriptionId: 'sub', at: new Date(0), succeeded: false, gone: true, probe: false };

describe('HealthMonitor', () => {
  it('writes the reported outcomes, disables at once in its own gate, and tells the operators', async () => {
    const { monitor, repository, events, gate } = setup();
    repository.record.mockResolvedValueOnce([transition({})]);
    monitor.report(failure);
    await monitor.flush();
    expect(repository.record).toHaveBeenCalledWith([expect.objectContaining({ subscriptionId: 'sub', gone: true, failures: 1 })], POLICY);
    expect(gate.disabledUntil('sub')).toEqual(new Date(0));
    expect(events.emit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'hook0.subscription.disabled', details: { subscription_id: 'sub', reason: 'gone' } }),
    );
  });

  it('announces a recovery only when the subscription was disabled', async () => {
    const { monitor, repository, events } = setup();
    repository.record.mockResolvedValueOnce([
      transition({ status: 'healthy', previousStatus: 'failing', disabledReason: null }),
      transition({ subscriptionId: 'other', status: 'healthy', previousStatus: 'disabled', disabledReason: null }),
    ]);
    monitor.report(failure);
    await monitor.flush();
    expect(events.emit.mock.calls.map(([event]: [{ type: string }]) => event.type)).toEqual(['hook0.subscription.recovered']);
  });

  it('keeps the outcomes the database refused for the next pass', async () => {
    const { monitor, repository, buffer } = setup();
    repository.record.mockRejectedValueOnce(new Error('database gone'));
    monitor.report(failure);
    await expect(monitor.flush()).rejects.toThrow('database gone');
    expect(buffer.size).toBe(1);
  });

  it('probes with the attempt the repository made due, postpones a probe with none, releases at the configured rate', async () => {
    const { monitor, repository, probe, announce } = setup();
    repository.claimDueProbes.mockResolvedValueOnce([
      { subscriptionId: 'a', attemptId: 'attempt-a' },
      { subscriptionId: 'b', attemptId: null },
    ]);
    repository.release.mockResolvedValueOnce(['r1', 'r2']);
    await monitor.pass();
    expect(probe).toHaveBeenCalledWith('attempt-a');
    expect(repository.postponeProbe).toHaveBeenCalledWith('b');
    expect(repository.release).toHaveBeenCalledWith(2, expect.any(Number));
    expect(announce.mock.calls).toEqual([['r1'], ['r2']]);
  });
});
