import { describeFailure } from '../api/problem';

/** A failure, as the API described it, announced to screen readers. */
export function ErrorNotice({ error }: { readonly error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-notice">
      {describeFailure(error)}
    </p>
  );
}
