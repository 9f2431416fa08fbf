import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/ui';
import { useT } from '../../i18n/i18n';

/**
 * A modal confirmation on the native <dialog> (focus is trapped and Escape cancels by the browser).
 * Rendered only while open; the caller returns focus to what opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, busy, onConfirm, onCancel }: {
  title: string; children: ReactNode; confirmLabel: string; busy: boolean; onConfirm(): void; onCancel(): void;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref} className="confirm-dialog" aria-labelledby="confirm-dialog-title"
      onCancel={(e) => { e.preventDefault(); if (!busy) onCancel(); }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      {children}
      <div className="form-actions">
        <Button disabled={busy} onClick={onConfirm}>{confirmLabel}</Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </dialog>
  );
}
