import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { referralApi } from './referral-api';

export interface ReferralDialogProps {
  companyId: string;
  offerId: string;
  offerTitle: string;
  assessmentId: string | null;
  onDone(): void;
  onCancel(): void;
}

/**
 * A modal dialog to refer a company to an offer: a message to the provider and the company's consent
 * (required). Opens as a native modal <dialog> (focus is trapped, Escape cancels) and POSTs /referrals.
 */
export function ReferralDialog({ companyId, offerId, offerTitle, assessmentId, onDone, onCancel }: ReferralDialogProps) {
  const { t, problem } = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const idPrefix = `referral-${offerId}`;
  const id = (name: string) => `${idPrefix}-${name}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => { if (dialog?.open) dialog.close(); };
  }, []);

  const apiError = error instanceof ApiError ? error : null;
  const messageError = (touched && !message.trim() ? t('referralDialog.messageMissing') : undefined)
    ?? apiError?.fieldError('message');
  const consentError = touched && !consent ? t('referralDialog.consentMissing') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!message.trim() || !consent) return;
    setBusy(true);
    setError(null);
    try {
      await referralApi.create({ companyId, offerId, assessmentId, message: message.trim(), consent });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef} className="card referral-dialog" aria-labelledby={id('title')}
      onCancel={(e) => { e.preventDefault(); onCancel(); }}
      style={{ maxWidth: '40rem', width: 'calc(100% - 2rem)' }}
    >
      <h2 id={id('title')}>{t('referralDialog.title', { offer: offerTitle })}</h2>
      <p>{t('referralDialog.intro')}</p>
      {assessmentId ? <p className="field-hint">{t('referralDialog.withAssessment')}</p> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <form onSubmit={submit} noValidate className="form">
        <Field id={id('message')} label={t('referralDialog.message')} hint={t('referralDialog.messageHint')} error={messageError}>
          <textarea
            id={id('message')} name={id('message')} rows={5} required value={message}
            onChange={(e) => setMessage(e.target.value)} aria-invalid={messageError ? true : undefined}
            aria-describedby={describedBy(id('message'), true, messageError)}
          />
        </Field>
        <div className={consentError ? 'field field-invalid' : undefined}>
          <Checkbox
            id={id('consent')} label={t('referralDialog.consent')} required checked={consent}
            onChange={(e) => setConsent(e.target.checked)} aria-invalid={consentError ? true : undefined}
          />
          {consentError ? <p id={id('consent-error')} className="field-error">{consentError}</p> : null}
        </div>
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{busy ? t('referralDialog.sending') : t('referralDialog.submit')}</Button>
          <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </dialog>
  );
}
