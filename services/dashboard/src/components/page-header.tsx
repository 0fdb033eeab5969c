import type { ReactNode } from 'react';

/** A page's title, with the actions that apply to the whole page beside it. */
export function PageHeader({ title, children }: { readonly title: ReactNode; readonly children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}
