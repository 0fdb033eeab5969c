import { CopyButton } from '../../components/copy-button';
import { describePayloadView, payloadView } from './payload-view';

/** The event's payload, decoded as its content type says, with a way to copy it. */
export function PayloadPanel({ payload, contentType }: { readonly payload: string; readonly contentType: string }) {
  const view = payloadView(payload, contentType);
  return (
    <article aria-labelledby="payload-heading">
      <header className="page-header">
        <h2 id="payload-heading">Payload</h2>
        {view.kind === 'empty' ? null : (
          <div className="page-actions">
            <CopyButton text={view.text} label="Copy payload" />
          </div>
        )}
      </header>
      <p>
        <code>{contentType}</code>: {describePayloadView(view)}
      </p>
      {view.kind === 'empty' ? null : (
        <pre className="payload" tabIndex={0} aria-label="Payload content">
          <code>{view.text}</code>
        </pre>
      )}
    </article>
  );
}
