import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { employerApi } from './recruitment-api';

/** Invites a person at the company as a company user (they see only the company's own orders and released candidates). */
export function InviteCompanyUserDialog({ companyId, companyName, onDone, onCancel }: {
  companyId: string; companyName: string; onDone(email: string): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => { if (dialog?.open) dialog.close(); };
  }, []);

  const invalid = (path: string, message: string) => setError(new ApiError({ status: 422, code: 'validation', detail: message, errors: [{ path, message }] }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return invalid('name', t('recruitment.invite.nameMissing'));
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return invalid('email', t('recruitment.invite.emailInvalid'));
    setBusy(true);
    try {
      await employerApi.invite(companyId, name.trim(), email.trim());
      onDone(email.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  return (
    <dialog
      ref={dialogRef} className="card" aria-labelledby="invite-company-user-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}
      style={{ maxWidth: '36rem', width: 'calc(100% - 2rem)' }}
    >
      <h2 id="invite-company-user-title">{t('recruitment.invite.title', { company: companyName })}</h2>
      <p>{t('recruitment.invite.intro')}</p>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="invite-name" label={t('recruitment.invite.name')} required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <TextField id="invite-email" type="email" label={t('recruitment.invite.email')} required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('recruitment.invite.submit')}</Button>
          <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </dialog>
  );
}
