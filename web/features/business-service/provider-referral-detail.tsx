import { useEffect, useRef, type ReactNode } from 'react';
import type { ReferralDetail, ReferralEvent } from '../../../common/referrals';
import { Alert, Button, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { ProviderReferralActions } from './provider-referral-actions';
import { referralApi } from './referral-api';
import { formatReferralDay, referralStatusKey, ReferralStatusBadge, themeLabel } from './referral-labels';

/** Breathing room above the sections of the card (the shared stylesheet has no section rhythm for cards). */
const gap = { marginTop: '1.5rem' } as const;

/** One incoming referral: the company data the provider needs, the shared assessment, its history and the actions. */
export function ProviderReferralDetail({ id, onClose, onMoved }: { id: string; onClose(): void; onMoved(text: string): void }) {
  const { t, problem, locale } = useT();
  const detail = useAsync(() => referralApi.get(id), `referral-${id}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(detail.data);
  useEffect(() => { if (loaded) heading.current?.focus(); }, [loaded]);

  if (detail.error) return <Alert tone="error">{problem(detail.error)}</Alert>;
  if (!detail.data) return <Spinner label={t('app.loading')} />;
  const r = detail.data;
  const headingId = `referral-${r.id}-heading`;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>{t('providerReferrals.detailTitle', { company: r.company.name, offer: r.offer.title })}</h2>
      <p><ReferralStatusBadge status={r.status} overdue={r.overdue} /> {t('referrals.dueOn', { date: formatReferralDay(locale, r.responseDue) })}</p>
      <Facts rows={[
        [t('providerReferrals.company'), r.company.name],
        [t('providerReferrals.cvr'), r.company.cvr || t('common.none')],
        [t('providerReferrals.address'), r.company.address ?? t('common.none')],
        [t('providerReferrals.contact'), t('providerReferrals.contactValue', { name: r.from.userName, organisation: r.from.organisationName, email: r.from.userEmail })],
        [t('providerReferrals.consentAt'), formatReferralDay(locale, r.consentAt)],
      ]} />
      <h3 style={gap}>{t('providerReferrals.message')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{r.message}</p>
      <AssessmentSummary referral={r} />
      <ProviderReferralActions referral={r} onMoved={(updated) => {
        detail.reload();
        onMoved(t('providerReferrals.moved', { company: updated.company.name, status: t(referralStatusKey(updated.status)).toLowerCase() }));
      }} />
      <History events={r.events} />
      <div className="form-actions"><Button variant="link" onClick={onClose}>{t('providerReferrals.close')}</Button></div>
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return <dl className="facts">{rows.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}</dl>;
}

function AssessmentSummary({ referral: r }: { referral: ReferralDetail }) {
  const { t, locale } = useT();
  if (!r.assessment) {
    return <p className="field-hint">{r.assessmentWithheld ? t('providerReferrals.assessmentWithheld') : t('providerReferrals.noAssessment')}</p>;
  }
  const a = r.assessment;
  const top = Object.entries(a.priorities).filter(([, v]) => v > 0).sort((x, y) => y[1] - x[1]).slice(0, 3);
  return (
    <>
      <h3 style={gap}>{t('providerReferrals.assessmentDate', { date: formatReferralDay(locale, a.date) })}</h3>
      <Facts rows={[
        ...(a.challenge ? [[t('providerReferrals.challenge'), a.challenge] as [string, string]] : []),
        ...(a.growthAmbition ? [[t('providerReferrals.ambition'), a.growthAmbition] as [string, string]] : []),
        ...(a.nextSteps ? [[t('providerReferrals.nextSteps'), a.nextSteps] as [string, string]] : []),
        ...(top.length ? [[t('providerReferrals.priorities'), top.map(([k, v]) => `${themeLabel(t, k)} (${v})`).join(', ')] as [string, string]] : []),
      ]} />
    </>
  );
}

function History({ events }: { events: ReferralEvent[] }) {
  const { t, formatDate } = useT();
  return (
    <>
      <h3 style={gap}>{t('providerReferrals.history')}</h3>
      <ol className="referral-history">
        {events.map((e) => (
          <li key={e.id}>
            {formatDate(e.at, true)}: {e.fromStatus && e.fromStatus !== e.toStatus
              ? t('providerReferrals.historyMove', { from: t(referralStatusKey(e.fromStatus)), to: t(referralStatusKey(e.toStatus)) })
              : e.fromStatus ? null : t('providerReferrals.historyStart')}
            {e.userName ? ` (${e.userName})` : ''}{e.note ? ` – ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
