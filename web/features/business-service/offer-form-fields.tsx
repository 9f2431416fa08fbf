import type { ReactNode } from 'react';
import { describedBy, Field } from '../../components/ui/field';

/**
 * Small building blocks of the offer form: a numeric text input (numbers are typed, not spun) and a
 * multi-line text area, both wired to their hint and error like the shared TextField.
 */
export function NumberField({ id, label, hint, error, value, onChange, suffix }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange(value: string): void; suffix?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <span style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
        <input
          id={id} name={id} type="text" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} style={{ maxWidth: '12rem' }}
        />
        {suffix ? <span aria-hidden="true">{suffix}</span> : null}
      </span>
    </Field>
  );
}

export function TextArea({ id, label, hint, error, value, onChange, rows = 4, required }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange(value: string): void; rows?: number; required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id} name={id} rows={rows} value={value} required={required} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
      />
    </Field>
  );
}

/** "" → null, "1.500" or "1500" → 1500; anything else → NaN (the form reports it at the field). */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export const numberText = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
