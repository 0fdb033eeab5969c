import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { CopyButton } from '../../components/copy-button';
import { QueryState } from '../../components/query-state';
import { useApi } from '../../session/session-context';
import { errorKindLabel, responseBodyView, sortedHeaders } from './response-view';
import { TableScroll } from '../../components/table-scroll';

interface AttemptResponseProps {
  readonly applicationId: string;
  readonly responseId: string | null;
  readonly finished: boolean;
}

/** What the target answered (`GET /responses/{id}`), or why there was no answer. */
export function AttemptResponse({ applicationId, responseId, finished }: AttemptResponseProps) {
  const api = useApi();
  const response = useQuery({
    queryKey: ['response', applicationId, responseId],
    enabled: responseId !== null,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(
        api.GET('/responses/{response_id}', {
          params: { path: { response_id: responseId ?? '' }, query: { application_id: applicationId } },
        }),
      ),
  });
  return (
    <section aria-labelledby="response-heading">
      <h2 id="response-heading">Response</h2>
      {responseId === null ? (
        <p>{finished ? 'No response was recorded for this attempt.' : 'No response yet: the attempt has not been sent.'}</p>
      ) : (
        <QueryState query={response}>{(found) => <ResponseDetails response={found} />}</QueryState>
      )}
    </section>
  );
}

function ResponseDetails({ response }: { readonly response: Schemas['Response'] }) {
  const error = errorKindLabel(response.response_error_name);
  const headers = sortedHeaders(response.headers);
  const body = responseBodyView(response.body, response.headers);
  return (
    <>
      <TableScroll label="Response">
        <table>
          <tbody>
            <tr>
              <th scope="row">HTTP status</th>
              <td>{response.http_code ?? 'None: the target gave no HTTP answer'}</td>
            </tr>
            <tr>
              <th scope="row">Error</th>
              <td>{error ?? 'None'}</td>
            </tr>
            <tr>
              <th scope="row">Elapsed time</th>
              <td>{response.elapsed_time_ms} ms</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <h3>Headers</h3>
      {headers.length === 0 ? (
        <p>No headers recorded.</p>
      ) : (
        <TableScroll label="Response headers">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td className="header-value">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>Body</h3>
      {body === null ? (
        <p>No body.</p>
      ) : (
        <>
          <p>
            {body.pretty ? 'JSON, pretty-printed.' : 'As received.'} <CopyButton text={body.text} label="Copy body" />
          </p>
          <pre className="payload" tabIndex={0} aria-label="Response body">
            <code>{body.text}</code>
          </pre>
        </>
      )}
    </>
  );
}
