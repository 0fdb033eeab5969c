import { useRef, useState, type ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The visible text of the button that asks, e.g. "Delete application". */
  readonly children: ReactNode;
  /** Its accessible name, when the visible text alone does not say what it acts on (a row of a table). */
  readonly label?: string;
  /** The question asked before acting. */
  readonly prompt: ReactNode;
  /** The visible text of the button that acts, e.g. "Yes, delete application". */
  readonly confirmText: string;
  readonly confirmLabel?: string;
  readonly onConfirm: () => void;
  readonly pending?: boolean;
}

/**
 * A destructive action in two steps: the first button opens a question with the button that acts and a Cancel, which
 * takes the focus (so Enter twice does nothing irreversible) and gives it back to the first button when chosen.
 */
export function ConfirmButton({ children, label, prompt, confirmText, confirmLabel, onConfirm, pending = false }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setAsking(false);
    trigger.current?.focus();
  };
  return (
    <div className="confirm-button">
      <button
        ref={trigger}
        type="button"
        className="secondary outline"
        aria-label={label}
        aria-expanded={asking}
        onClick={() => setAsking((open) => !open)}
      >
        {children}
      </button>
      {asking ? (
        <fieldset className="confirm-prompt">
          <legend>{prompt}</legend>
          <button type="button" className="contrast" aria-label={confirmLabel} aria-busy={pending} disabled={pending} onClick={onConfirm}>
            {confirmText}
          </button>
          <button type="button" className="secondary outline" autoFocus onClick={cancel}>
            Cancel
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
