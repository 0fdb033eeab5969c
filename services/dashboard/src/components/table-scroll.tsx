import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen. It is a named, focusable region so that a keyboard user can
 * scroll it too (arrow keys once focused).
 */
export function TableScroll({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
