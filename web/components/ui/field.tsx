import type { ReactNode } from 'react';

/**
 * Label, hint and error around one control; ids are wired with aria-describedby by the caller.
 * Required fields carry the `required` attribute and are not starred: most forms here are short and all-required.
 */
export function Field({ id, label, hint, error, children }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; children: ReactNode;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {children}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

/** The aria-describedby value for a control inside Field. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
