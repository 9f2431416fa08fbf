import type { ReactNode } from 'react';
import { Checkbox } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';

/** A fieldset of checkboxes for a list of values, with the legend as the group's name. */
export function CheckboxGroup<V extends string>({ id, legend, options, value, onChange, error, hint }: {
  id: string; legend: ReactNode; options: readonly { value: V; label: string }[]; value: readonly V[]; onChange(list: V[]): void;
  error?: string; hint?: ReactNode;
}) {
  const describedById = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedById} className={error ? 'field-invalid' : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))', gap: '0 1rem' }}>
        {options.map((o) => (
          <Checkbox
            key={o.value} id={`${id}-${o.value}`} label={o.label} checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** A multi-line text box wired to its label, hint and error like the shared TextField. */
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

/** "" → null; "37" or "37,5" → the number; anything else → NaN (reported at the field). */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export const numberText = (value: number | null | undefined): string =>
  (value === null || value === undefined ? '' : String(value).replace('.', ','));

/** "da:flydende, en:godt" ⇄ ["da:flydende", "en:godt"]. */
export const splitList = (text: string): string[] => text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
