import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, Field } from './field';

export interface SelectOption { value: string; label: string }

export function Select({ id, label, hint, error, options, emptyLabel, required, ...select }:
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    id: string; label: ReactNode; hint?: ReactNode; error?: string; options: readonly SelectOption[];
    /** A first option with the empty value, e.g. "Alle". */
    emptyLabel?: string;
  }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        name={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
