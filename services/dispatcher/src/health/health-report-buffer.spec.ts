import { HealthReportBuffer, type DeliveryOutcome } from './health-report-buffer';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const outcome = (subscriptionId: string, second: number, fields: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
  subscriptionId,
  at: at(second),
  succeeded: false,
  gone: false,
  probe: false,
  ...fields,
});

describe('HealthReportBuffer', () => {
  it('counts the failures after the last success only, per subscription', () => {
    const buffer = new HealthReportBuffer();
    buffer.add(outcome('a', 1));
    buffer.add(outcome('a', 2, { gone: true }));
    buffer.add(outcome('a', 3, { succeeded: true }));
    buffer.add(outcome('a', 4));
    buffer.add(outcome('a', 5));
    buffer.add(outcome('b', 6, { succeeded: true }));
    expect(buffer.drain()).toEqual([
      {
        subscriptionId: 'a',
        lastSuccessAt: at(3),
        failures: 2,
        firstFailureAt: at(4),
        lastFailureAt: at(5),
        gone: false,
        probeFailed: false,
      },
      {
        subscriptionId: 'b',
        lastSuccessAt: at(6),
        failures: 0,
        firstFailureAt: null,
        lastFailureAt: null,
        gone: false,
        probeFailed: false,
      },
    ]);
  });

  it('keeps a 410 and a failed probe that came after the last success', () => {
    const buffer = new HealthReportBuffer();
    buffer.add(outcome('a', 1, { probe: true }));
    buffer.add(outcome('a', 2, { gone: true }));
    expect(buffer.drain()).toEqual([expect.objectContaining({ failures: 2, gone: true, probeFailed: true, lastSuccessAt: null })]);
  });

  it('puts back unwritten reports as older than what came since', () => {
    const buffer = new HealthReportBuffer();
    buffer.add(outcome('a', 1, { gone: true }));
    buffer.add(outcome('b', 2));
    const unwritten = buffer.drain();
    buffer.add(outcome('a', 3));
    buffer.add(outcome('b', 4, { succeeded: true }));
    buffer.restore(unwritten);
    expect(buffer.drain()).toEqual([
      {
        subscriptionId: 'a',
        lastSuccessAt: null,
        failures: 2,
        firstFailureAt: at(1),
        lastFailureAt: at(3),
        gone: true,
        probeFailed: false,
      },
      {
        subscriptionId: 'b',
        lastSuccessAt: at(4),
        failures: 0,
        firstFailureAt: null,
        lastFailureAt: null,
        gone: false,
        probeFailed: false,
      },
    ]);
  });

  it('starts empty again once drained', () => {
    const buffer = new HealthReportBuffer();
    buffer.add(outcome('a', 1));
    buffer.drain();
    expect(buffer.size).toBe(0);
    expect(buffer.drain()).toEqual([]);
  });
});
