import type { ReactNode } from 'react';

/** A page's main column: its heading (the page's h1) and content. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** A bordered box that groups related content, with an optional heading. */
export function Card({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="card">
      {title && <h2 className="card-title">{title}</h2>}
      {children}
    </div>
  );
}

/** Children one under the other, evenly spaced. */
export function Stack({ children }: { children: ReactNode }) {
  return <div className="stack">{children}</div>;
}

/** Children side by side, wrapping on narrow screens. */
export function Row({ children }: { children: ReactNode }) {
  return <div className="row">{children}</div>;
}
