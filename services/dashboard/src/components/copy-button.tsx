import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies a text to the clipboard and says, to screen readers too, whether it worked. */
export function CopyButton({ text, label = 'Copy' }: { readonly text: string; readonly label?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'Copying failed: select the text and copy it instead.' : ''}
      </span>
    </>
  );
}
