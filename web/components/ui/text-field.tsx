import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, Field } from './field';

export function TextField({ id, label, hint, error, required, ...input }:
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Field>
  );
}
