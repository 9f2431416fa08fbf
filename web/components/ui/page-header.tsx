import type { ReactNode } from 'react';

export function PageHeader({ title, intro, actions, children }: {
  title: ReactNode; intro?: ReactNode; actions?: ReactNode; children?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="lead">{intro}</p> : null}
        {children}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
