import { useId, useState } from 'react';
import { Alert, Button } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';

/**
 * The moves a status machine allows now, as one button each, with an optional note sent along. Used for orders
 * and placements; the server's `allowedTransitions` decides which buttons exist.
 */
export function StatusActions<S extends string>({ transitions, label, move, onMoved, legend }: {
  transitions: readonly S[]; label(status: S): string; move(status: S, note: string): Promise<unknown>; onMoved(): void; legend: string;
}) {
  const { t, problem } = useT();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (transitions.length === 0) return null;

  async function go(status: S) {
    setBusy(true);
    setError(null);
    try {
      await move(status, note.trim());
      setNote('');
      onMoved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const noteId = `${id}-note`;
  return (
    <fieldset className="status-actions business-form">
      <legend>{legend}</legend>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <Field id={noteId} label={t('recruitment.status.note')} hint={t('recruitment.status.noteHint')}>
        <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={describedBy(noteId, true, null)} />
      </Field>
      <div className="form-actions">
        {transitions.map((s) => (
          <Button key={s} variant="secondary" disabled={busy} onClick={() => void go(s)}>{t('recruitment.status.moveTo', { status: label(s) })}</Button>
        ))}
      </div>
    </fieldset>
  );
}
