import { ApiProblem, describeFailure } from '../api/problem';
import { validationMessages } from '../api/validation-messages';

/** A failure, as the API described it (with each broken field rule of a 422), announced to screen readers. */
export function ErrorNotice({ error }: { readonly error: unknown }) {
  if (!error) return null;
  const fieldProblems = error instanceof ApiProblem ? validationMessages(error.problem?.validation) : [];
  return (
    <div role="alert">
      <p className="error-notice">{describeFailure(error)}</p>
      {fieldProblems.length > 0 ? (
        <ul className="error-notice">
          {fieldProblems.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
