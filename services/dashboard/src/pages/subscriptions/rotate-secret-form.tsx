import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { useApplicationScope } from '../../session/use-scope';
import { subscriptionKeys } from './subscription-queries';
import { formatDateTime } from './subscription-text';

/** The overlap the API applies when none is given: one day (docs/api.md "Subscription actions"). */
const DEFAULT_OVERLAP_SECONDS = 86_400;
const MAX_OVERLAP_SECONDS = 2_592_000;

/** Replaces the signing secret; the previous one keeps signing for the overlap, so receivers can switch without a gap. */
export function RotateSecretForm({ subscriptionId }: { readonly subscriptionId: string }) {
  const api = useApi();
  const scope = useApplicationScope();
  const queryClient = useQueryClient();
  const [overlap, setOverlap] = useState(String(DEFAULT_OVERLAP_SECONDS));
  const rotate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/subscriptions/{subscription_id}/secret/rotate', {
          params: { path: { subscription_id: subscriptionId } },
          body: { application_id: scope.applicationId, overlap_seconds: Number(overlap) },
        }),
      ),
    onSuccess: async (rotated) => {
      const { previous_secret_expires_at: _expiresAt, ...subscription } = rotated;
      queryClient.setQueryData(subscriptionKeys.one(subscriptionId), subscription);
      await queryClient.invalidateQueries({ queryKey: subscriptionKeys.list(scope.applicationId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="rotate-secret">
      <h3 id="rotate-secret">Rotate the secret</h3>
      <label>
        Overlap (seconds)
        <input
          type="number"
          min={0}
          max={MAX_OVERLAP_SECONDS}
          step={1}
          required
          value={overlap}
          aria-describedby="rotate-secret-hint"
          onChange={(e) => setOverlap(e.target.value)}
        />
        <small id="rotate-secret-hint">
          How long the previous secret keeps signing beside the new one: 0 (stops at once) to 2,592,000 (30 days).
        </small>
      </label>
      <button type="submit" aria-busy={rotate.isPending} disabled={rotate.isPending}>
        Rotate secret
      </button>
      <ErrorNotice error={rotate.error} />
      <div role="status">
        {rotate.data ? (
          <article>
            <p>
              New secret (copy it now): <code className="break-anywhere">{rotate.data.secret}</code>
            </p>
            <p>
              Standard Webhooks form: <code className="break-anywhere">{rotate.data.standard_webhooks_secret}</code>
            </p>
            <p>
              {rotate.data.previous_secret_expires_at
                ? `The previous secret keeps signing until ${formatDateTime(rotate.data.previous_secret_expires_at)}.`
                : 'The previous secret no longer signs.'}
            </p>
          </article>
        ) : null}
      </div>
    </form>
  );
}
