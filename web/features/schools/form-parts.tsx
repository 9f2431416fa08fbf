import { useState, type ReactNode } from 'react';
import { schoolThemes, type SchoolTheme } from '../../../common/schools';
import { Checkbox, TextField } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { parseWeeks, themeLabel, weeksText } from './labels';

/** A server (or local) field message by path; nested paths ("weeks.0") count for their field. */
export function fieldErrorOf(error: unknown): (path: string) => string | undefined {
  const apiError = error instanceof ApiError ? error : null;
  return (path) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
}

/** A local validation failure shown like the server's: the message at its field and in the form's alert. */
export const localError = (path: string, message: string) => new ApiError({ status: 422, code: 'validation', detail: message, errors: [{ path, message }] });

/** Theme checkboxes in a fieldset (the legend names the group). */
export function ThemeChoice({ id, legend, value, onChange, error }: {
  id: string; legend: ReactNode; value: SchoolTheme[]; onChange(themes: SchoolTheme[]): void; error?: string;
}) {
  const { locale } = useT();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', gap: '0.4rem 1rem' }}>
        {schoolThemes.map((th) => (
          <Checkbox key={th} id={`${id}-${th}`} label={themeLabel(locale, th)} checked={value.includes(th)}
            onChange={(e) => onChange(e.target.checked ? [...value, th] : value.filter((x) => x !== th))} />
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** Weeks typed as people write them ("10, 11, 14-16"); `parse()` gives the list or null. */
export function useWeeksText(initial: readonly number[]) {
  const [text, setText] = useState(weeksText(initial).replace(/–/g, '-'));
  return { text, setText, parse: () => parseWeeks(text) };
}

export function WeeksField({ id, label, hint, text, onChange, error, required }: {
  id: string; label: ReactNode; hint?: ReactNode; text: string; onChange(text: string): void; error?: string; required?: boolean;
}) {
  return <TextField id={id} label={label} hint={hint} value={text} onChange={(e) => onChange(e.target.value)} error={error} required={required} />;
}

/** A whole number typed as text (numbers are typed, not spun), with the field's hint and error wired. */
export function NumberInput({ id, label, hint, error, value, onChange, required }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange(value: string): void; required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={id} type="text" inputMode="numeric" value={value} required={required} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} style={{ maxWidth: '10rem' }} />
    </Field>
  );
}

export function TextArea({ id, label, hint, error, value, onChange, rows = 3 }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange(value: string): void; rows?: number;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} style={textAreaStyle}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Field>
  );
}

const textAreaStyle = {
  font: 'inherit', color: 'var(--text)', width: '100%', maxWidth: '48rem', border: '2px solid #6b737b', borderRadius: 4, padding: '0.5rem 0.65rem',
} as const;

/** "12" → 12; "" → null; anything else → NaN (reported at the field). */
export function parseWhole(text: string): number | null {
  const v = text.trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** "" → null, otherwise the trimmed text. */
export const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);
