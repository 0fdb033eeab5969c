import { useState } from 'react';
import { maskToken } from './secrets';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copying needs the Clipboard API, which browsers give to secure pages (HTTPS or localhost) only. */
function canCopy(): boolean {
  return window.isSecureContext && typeof navigator.clipboard?.writeText === 'function';
}

/** A secret, masked until asked, with a way to copy it that never needs to show it. */
export function SecretToken({ token, label }: { readonly token: string; readonly label: string }) {
  const [shown, setShown] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const onCopy = () => {
    navigator.clipboard.writeText(token).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <div className="secret-token">
      <code>{shown ? token : maskToken(token)}</code>
      <div className="row-actions">
        <button
          type="button"
          className="secondary outline"
          aria-label={`${shown ? 'Hide' : 'Show'} secret ${label}`}
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
        {canCopy() ? (
          <button type="button" className="secondary outline" aria-label={`Copy secret ${label}`} onClick={onCopy}>
            Copy
          </button>
        ) : null}
      </div>
      <span role="status">
        {copy === 'copied' ? 'Copied.' : copy === 'failed' ? 'Could not copy: show the secret and copy it by hand.' : ''}
      </span>
    </div>
  );
}
