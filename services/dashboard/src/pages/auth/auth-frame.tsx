import type { ReactNode } from 'react';

/** The narrow, centred frame of the pages a visitor sees before signing in. */
export function AuthFrame({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <main id="main" className="container auth-frame">
      <article>
        <header>
          <p>
            <strong>hook0-ts</strong>
          </p>
          <h1>{title}</h1>
        </header>
        {children}
      </article>
    </main>
  );
}
