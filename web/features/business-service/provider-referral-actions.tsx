import { useState, type FormEvent } from 'react';
import type { ReferralDetail, ReferralStatus } from '../../../common/referrals';
import { Alert, Button, Select } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT, type MessageKey } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { referralApi } from './referral-api';

const satisfactionKeys: Record<number, MessageKey> = {
  1: 'providerReferrals.satisfaction1', 2: 'providerReferrals.satisfaction2', 3: 'providerReferrals.satisfaction3',
  4: 'providerReferrals.satisfaction4', 5: 'providerReferrals.satisfaction5',
};

/**
 * The moves the referral's status allows (the server says which): accept and start are one click; closing
 * asks for the outcome and the company's satisfaction, rejecting for a reason.
 */
export function ProviderReferralActions({ referral: r, onMoved }: { referral: ReferralDetail; onMoved(updated: ReferralDetail): void }) {
  const { t, problem } = useT();
  const [form, setForm] = useState<'afsluttet' | 'afvist' | null>(null);
  const [text, setText] = useState('');
  const [satisfaction, setSatisfaction] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (r.allowedNext.length === 0) return null;

  async function send(status: ReferralStatus, extra: { reason?: string; outcome?: string; satisfaction?: number | null } = {}) {
    setBusy(true);
    setError(null);
    try {
      const updated = await referralApi.move(r.id, { status, ...extra });
      setForm(null);
      setText('');
      setSatisfaction('');
      setTouched(false);
      onMoved(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!form || !text.trim()) return;
    if (form === 'afvist') void send('afvist', { reason: text.trim() });
    else void send('afsluttet', { outcome: text.trim(), satisfaction: satisfaction ? Number(satisfaction) : null });
  }

  const textId = `referral-${r.id}-${form ?? 'text'}`;
  const serverError = error instanceof ApiError ? error.fieldError(form === 'afvist' ? 'reason' : 'outcome') : undefined;
  const textError = (touched && !text.trim()
    ? t(form === 'afvist' ? 'providerReferrals.reasonMissing' : 'providerReferrals.outcomeMissing') : undefined) ?? serverError;

  return (
    <div className="referral-actions" style={{ marginTop: '1.5rem' }}>
      {error && !serverError ? <Alert tone="error">{problem(error)}</Alert> : null}
      <div className="row-actions" role="group" aria-label={t('providerReferrals.actionsFor', { company: r.company.name })}>
        {r.allowedNext.includes('modtaget') ? <Button disabled={busy} onClick={() => void send('modtaget')}>{t('providerReferrals.accept')}</Button> : null}
        {r.allowedNext.includes('igangsat') ? <Button disabled={busy} onClick={() => void send('igangsat')}>{t('providerReferrals.start')}</Button> : null}
        {r.allowedNext.includes('afsluttet') ? (
          <Button variant="secondary" disabled={busy} aria-expanded={form === 'afsluttet'} onClick={() => { setForm('afsluttet'); setTouched(false); setError(null); }}>
            {t('providerReferrals.finish')}
          </Button>
        ) : null}
        {r.allowedNext.includes('afvist') ? (
          <Button variant="danger" disabled={busy} aria-expanded={form === 'afvist'} onClick={() => { setForm('afvist'); setTouched(false); setError(null); }}>
            {t('providerReferrals.reject')}
          </Button>
        ) : null}
      </div>
      {form ? (
        <form onSubmit={submit} noValidate className="form" style={{ marginTop: '1rem' }}>
          <Field id={textId} label={t(form === 'afvist' ? 'providerReferrals.reason' : 'providerReferrals.outcome')}
            hint={form === 'afsluttet' ? t('providerReferrals.outcomeHint') : undefined} error={textError}>
            <textarea
              id={textId} name={textId} rows={4} required value={text} onChange={(e) => setText(e.target.value)}
              aria-invalid={textError ? true : undefined} aria-describedby={describedBy(textId, form === 'afsluttet', textError)}
            />
          </Field>
          {form === 'afsluttet' ? (
            <Select
              id={`referral-${r.id}-satisfaction`} label={t('providerReferrals.satisfaction')} value={satisfaction}
              onChange={(e) => setSatisfaction(e.target.value)} emptyLabel={t('providerReferrals.satisfactionNone')}
              options={[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: t('providerReferrals.satisfactionValue', { value: v, label: t(satisfactionKeys[v]) }) }))}
            />
          ) : null}
          <div className="form-actions">
            <Button type="submit" variant={form === 'afvist' ? 'danger' : 'primary'} disabled={busy}>
              {t(form === 'afvist' ? 'providerReferrals.confirmReject' : 'providerReferrals.confirmFinish')}
            </Button>
            <Button variant="link" onClick={() => { setForm(null); setError(null); }}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
