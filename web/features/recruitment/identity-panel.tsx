import { useState, type FormEvent } from 'react';
import { identityPurposes, type CandidateIdentity } from '../../../common/recruitment';
import { Alert, Button, Select } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { purposeKey } from './labels';
import { candidateApi, type IdentityPurpose } from './recruitment-api';

/**
 * Name, contact, CPR and CV of an own candidate: shown only after the user states why (the purpose goes to the
 * audit log with the read). The CPR number stays masked unless asked for separately.
 */
export function IdentityPanel({ candidateId }: { candidateId: string }) {
  const { t, problem } = useT();
  const [purpose, setPurpose] = useState<IdentityPurpose | ''>('');
  const [purposeError, setPurposeError] = useState('');
  const [identity, setIdentity] = useState<CandidateIdentity | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function read(reveal: boolean) {
    if (!purpose) { setPurposeError(t('recruitment.identity.purposeMissing')); return; }
    setBusy(true);
    setError(null);
    try {
      setIdentity(await candidateApi.identity(candidateId, purpose, reveal));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => { event.preventDefault(); void read(false); };
  const none = t('common.none');

  return (
    <section className="card" aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('recruitment.identity.title')}</h2>
      {!identity ? (
        <form className="form" onSubmit={submit} noValidate>
          <p>{t('recruitment.identity.intro')}</p>
          <Select
            id="identity-purpose" label={t('recruitment.identity.purpose')} required emptyLabel={t('recruitment.identity.choosePurpose')}
            value={purpose} error={purposeError || undefined}
            onChange={(e) => { setPurpose(e.target.value as IdentityPurpose | ''); setPurposeError(''); }}
            options={identityPurposes.map((p) => ({ value: p, label: t(purposeKey(p)) }))}
          />
          <div className="form-actions"><Button type="submit" disabled={busy}>{t('recruitment.identity.show')}</Button></div>
        </form>
      ) : (
        <>
          <p className="field-hint">{t('recruitment.identity.logged', { purpose: purpose ? t(purposeKey(purpose)) : '' })}</p>
          <dl className="facts">
            <div><dt>{t('recruitment.candidate.name')}</dt><dd>{identity.name ?? none}</dd></div>
            <div>
              <dt>{t('recruitment.candidate.cpr')}</dt>
              <dd>
                {identity.cpr ?? none}
                {identity.cpr && identity.cpr.includes('•') ? (
                  <> <Button variant="link" disabled={busy} onClick={() => void read(true)}>{t('recruitment.identity.revealCpr')}</Button></>
                ) : null}
              </dd>
            </div>
            <div><dt>{t('recruitment.candidate.email')}</dt><dd>{identity.email ? <a href={`mailto:${identity.email}`}>{identity.email}</a> : none}</dd></div>
            <div><dt>{t('recruitment.candidate.phone')}</dt><dd>{identity.phone ?? none}</dd></div>
            <div><dt>{t('recruitment.candidate.externalRef')}</dt><dd>{identity.externalRef ?? none}</dd></div>
          </dl>
          {identity.cvText ? (
            <>
              <h3 style={{ marginTop: '1.25rem' }}>{t('recruitment.candidate.cv')}</h3>
              <div className="message-body">{identity.cvText}</div>
            </>
          ) : null}
          <div className="form-actions"><Button variant="secondary" onClick={() => setIdentity(null)}>{t('recruitment.identity.hide')}</Button></div>
        </>
      )}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
    </section>
  );
}
