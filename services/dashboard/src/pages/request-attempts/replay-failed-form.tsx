import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import type { AttemptFilters } from './attempt-filters';
import { ReplayProgress } from './replay-progress';
import { defaultReplayWindow, REPLAY_STATUS_CHOICES, replayRequest, type ReplayStatus } from './replay-request';

/** `POST /replays` (editors): re-delivers what a window and status match, to the matched subscriptions only. */
export function ReplayFailedForm({ applicationId, filters }: { readonly applicationId: string; readonly filters: AttemptFilters }) {
  const api = useApi();
  const [span, setSpan] = useState(() => defaultReplayWindow(new Date()));
  const [status, setStatus] = useState<ReplayStatus>('failed');
  const [problem, setProblem] = useState<string | null>(null);
  const replay = useMutation({
    mutationFn: (body: Schemas['ReplayCreateDto']) => unwrap(api.POST('/replays', { body })),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const request = replayRequest(applicationId, { ...span, status }, filters, submitter?.getAttribute('value') === 'dry-run');
    if ('problem' in request) {
      setProblem(request.problem);
      return;
    }
    setProblem(null);
    replay.mutate(request.body);
  };
  const narrowed = [
    filters.subscription_id ? 'the chosen subscription' : null,
    filters['event.event_type_names'] ? 'the chosen event type' : null,
  ].filter(Boolean);
  const created = replay.data;
  return (
    <form onSubmit={onSubmit} aria-labelledby="replay-heading">
      <h2 id="replay-heading">Replay failed deliveries</h2>
      <p>
        Sends the events received in this window again, to the subscriptions that match them now
        {narrowed.length > 0 ? ` (only ${narrowed.join(' and ')}, as filtered above)` : ''}, at a bounded rate.
      </p>
      <div className="grid">
        <label>
          Received from
          <input type="datetime-local" required value={span.from} onChange={(e) => setSpan({ ...span, from: e.target.value })} />
        </label>
        <label>
          Received before
          <input type="datetime-local" required value={span.to} onChange={(e) => setSpan({ ...span, to: e.target.value })} />
        </label>
        <label>
          Which deliveries
          <select value={status} onChange={(e) => setStatus(e.target.value as ReplayStatus)}>
            {REPLAY_STATUS_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" name="mode" value="dry-run" className="secondary" disabled={replay.isPending}>
          Count matching deliveries
        </button>
        <button type="submit" name="mode" value="replay" aria-busy={replay.isPending} disabled={replay.isPending}>
          Start replay
        </button>
      </div>
      {problem ? (
        <p role="alert" className="error-notice">
          {problem}
        </p>
      ) : null}
      <ErrorNotice error={replay.error} />
      <div role="status">
        {created?.status === 'dry_run' ? (
          <p>
            {created.matched} deliveries of {created.events} events match. Nothing was sent.
          </p>
        ) : null}
      </div>
      {created?.replay_id ? <ReplayProgress key={created.replay_id} applicationId={applicationId} replayId={created.replay_id} /> : null}
    </form>
  );
}
