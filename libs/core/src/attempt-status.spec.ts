import { attemptStatus, type AttemptTimestamps } from './attempt-status';

const at = (iso: string): Date => new Date(`2026-05-04T09:${iso}Z`);
const NOW = at('30:00.000');

function attempt(overrides: Partial<AttemptTimestamps>): AttemptTimestamps {
  return { createdAt: at('12:33.420'), delayUntil: null, pickedAt: null, succeededAt: null, failedAt: null, ...overrides };
}

describe('attemptStatus (docs/hook0-compatibility.md "Request attempts")', () => {
  it('is pending when nothing happened yet', () => {
    expect(attemptStatus(attempt({}), NOW)).toEqual({ type: 'pending', since: at('12:33.420') });
  });

  it('is waiting while delay_until is in the future', () => {
    const delayUntil = at('31:00.000');
    expect(attemptStatus(attempt({ delayUntil }), NOW)).toEqual({ type: 'waiting', since: at('12:33.420'), until: delayUntil });
  });

  it('is pending once delay_until is reached or past', () => {
    expect(attemptStatus(attempt({ delayUntil: NOW }), NOW)).toEqual({ type: 'pending', since: at('12:33.420') });
    expect(attemptStatus(attempt({ delayUntil: at('20:00.000') }), NOW)).toEqual({ type: 'pending', since: at('12:33.420') });
  });

  it('is "inprogress" (Hook0 spelling, not in_progress) once picked, even before delay_until', () => {
    const status = attemptStatus(attempt({ pickedAt: at('12:33.511'), delayUntil: at('31:00.000') }), NOW);
    expect(status).toEqual({ type: 'inprogress', since: at('12:33.511') });
    expect(JSON.parse(JSON.stringify(status)).type).toBe('inprogress');
  });

  it('is successful with the processing time from created_at when there was no delay', () => {
    const status = attemptStatus(attempt({ pickedAt: at('12:33.511'), succeededAt: at('12:33.600') }), NOW);
    expect(status).toEqual({ type: 'successful', at: at('12:33.600'), full_processing_ms: 180 });
  });

  it('is failed with the documented example: 15110 ms', () => {
    const status = attemptStatus(attempt({ pickedAt: at('12:33.511'), failedAt: at('12:48.530') }), NOW);
    expect(status).toEqual({ type: 'failed', at: at('12:48.530'), full_processing_ms: 15_110 });
  });

  it('measures from delay_until when it is later than created_at', () => {
    const retry = attempt({
      createdAt: at('12:48.530'),
      delayUntil: at('12:51.600'),
      pickedAt: at('12:52.000'),
      failedAt: at('12:52.100'),
    });
    expect(attemptStatus(retry, NOW)).toEqual({ type: 'failed', at: at('12:52.100'), full_processing_ms: 500 });
    const succeeded = { ...retry, failedAt: null, succeededAt: at('12:53.600') };
    expect(attemptStatus(succeeded, NOW)).toEqual({ type: 'successful', at: at('12:53.600'), full_processing_ms: 2_000 });
  });

  it('measures from created_at when delay_until is earlier', () => {
    const status = attemptStatus(attempt({ delayUntil: at('10:00.000'), failedAt: at('12:34.420') }), NOW);
    expect(status).toEqual({ type: 'failed', at: at('12:34.420'), full_processing_ms: 1_000 });
  });

  it('applies the rules in order: failed, successful, inprogress, waiting, pending', () => {
    const everything = attempt({
      delayUntil: at('31:00.000'),
      pickedAt: at('12:33.511'),
      succeededAt: at('12:34.000'),
      failedAt: at('12:35.000'),
    });
    expect(attemptStatus(everything, NOW).type).toBe('failed');
    expect(attemptStatus({ ...everything, failedAt: null }, NOW).type).toBe('successful');
    expect(attemptStatus({ ...everything, failedAt: null, succeededAt: null }, NOW).type).toBe('inprogress');
    expect(attemptStatus({ ...everything, failedAt: null, succeededAt: null, pickedAt: null }, NOW).type).toBe('waiting');
  });

  it('reports a cancelled attempt (failed_at without picked_at) as failed', () => {
    expect(attemptStatus(attempt({ failedAt: at('13:00.000') }), NOW).type).toBe('failed');
  });
});
