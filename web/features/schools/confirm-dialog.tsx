import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button } from '../../components/ui';
import { useT } from '../../i18n/i18n';

/**
 * A modal confirmation on the native <dialog> (the browser traps focus; Escape cancels). Rendered only while open;
 * a failed action's message is shown inside, so the dialog stays open to retry or cancel.
 */
export function ConfirmDialog({ title, children, confirmLabel, busy, error, danger, onConfirm, onCancel }: {
  title: string; children?: ReactNode; confirmLabel: string; busy: boolean; error?: unknown; danger?: boolean; onConfirm(): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="schools-dialog-title"
      onCancel={(e) => { e.preventDefault(); if (!busy) onCancel(); }}>
      <h2 id="schools-dialog-title">{title}</h2>
      {children}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <div className="form-actions">
        <Button variant={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm}>{confirmLabel}</Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </dialog>
  );
}

/** Runs an action from a dialog: busy while it runs, the error kept for the dialog, `done` after success. */
export async function runDialogAction(
  action: () => Promise<unknown>, set: { busy(b: boolean): void; error(e: unknown): void }, done: () => void,
): Promise<void> {
  set.busy(true);
  set.error(null);
  try {
    await action();
    done();
  } catch (e) {
    set.error(e);
  } finally {
    set.busy(false);
  }
}
