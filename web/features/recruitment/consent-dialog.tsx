import { useEffect, useRef, useState, type FormEvent } from 'react';
import { consentMethods } from '../../../common/recruitment';
import { Alert, Button, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { CheckboxGroup, TextArea } from './form-parts';
import { consentMethodKey } from './labels';
import { placementApi } from './recruitment-api';

type Scope = 'identity' | 'cv';
type Method = (typeof consentMethods)[number];

/** "2026-11-21T14:05" in the browser's time for a datetime-local box. */
const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Records the candidate's consent to release identity and/or CV to the employer of one order: what, why (purpose),
 * how it was given, and when. A native modal <dialog>: focus stays inside, Escape cancels.
 */
export function ConsentDialog({ placementId, candidateRef, companyName, onDone, onCancel }: {
  placementId: string; candidateRef: string; companyName: string; onDone(): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<Scope[]>(['identity', 'cv']);
  const [purpose, setPurpose] = useState(() => t('recruitment.consent.defaultPurpose', { company: companyName }));
  const [method, setMethod] = useState<Method | ''>('');
  const [givenAt, setGivenAt] = useState(localNow);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = (name: string) => `consent-${placementId}-${name}`;

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
    if (scope.length === 0) return invalid('scope', t('recruitment.consent.scopeMissing'));
    if (purpose.trim().length < 3) return invalid('purpose', t('recruitment.consent.purposeMissing'));
    if (!method) return invalid('method', t('recruitment.consent.methodMissing'));
    const at = givenAt ? new Date(givenAt) : null;
    if (at && Number.isNaN(at.getTime())) return invalid('givenAt', t('recruitment.consent.givenAtInvalid'));
    setBusy(true);
    try {
      await placementApi.consent(placementId, { scope, purpose: purpose.trim(), method, givenAt: at ? at.toISOString() : undefined });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  return (
    <dialog
      ref={dialogRef} className="card" aria-labelledby={id('title')} onCancel={(e) => { e.preventDefault(); onCancel(); }}
      style={{ maxWidth: '40rem', width: 'calc(100% - 2rem)' }}
    >
      <h2 id={id('title')}>{t('recruitment.consent.title', { ref: candidateRef })}</h2>
      <p>{t('recruitment.consent.intro', { company: companyName })}</p>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="form business-form">
        <CheckboxGroup
          id={id('scope')} legend={t('recruitment.consent.scope')} value={scope} onChange={setScope} error={fieldError('scope')}
          options={[{ value: 'identity', label: t('recruitment.consent.scopeIdentity') }, { value: 'cv', label: t('recruitment.consent.scopeCv') }]}
        />
        <TextArea id={id('purpose')} label={t('recruitment.consent.purpose')} required rows={2} value={purpose} onChange={setPurpose} error={fieldError('purpose')} />
        <Select
          id={id('method')} label={t('recruitment.consent.method')} required emptyLabel={t('recruitment.consent.chooseMethod')} value={method}
          onChange={(e) => setMethod(e.target.value as Method | '')} error={fieldError('method')}
          options={consentMethods.map((m) => ({ value: m, label: t(consentMethodKey(m)) }))}
        />
        <TextField id={id('givenAt')} type="datetime-local" label={t('recruitment.consent.givenAt')} value={givenAt} onChange={(e) => setGivenAt(e.target.value)} error={fieldError('givenAt')} />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('recruitment.consent.submit')}</Button>
          <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </dialog>
  );
}
