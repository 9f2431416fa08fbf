import { useState } from 'react';
import { Link } from 'react-router';
import type { MatchList } from '../../../common/business-service';
import { Alert, Badge, Button, EmptyState, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { financingText, formatDay, formatIndustryCode, reasonText } from './labels';
import { ReferralDialog } from './referral-dialog';

type Eligible = MatchList['eligible'][number];

/** How many recommendations show before "Vis alle". */
const firstShown = 10;

/**
 * The offers recommended for an assessment: a ranked list, each with its score and reasons as bullet points
 * and a "Henvis" button, and — collapsed, apart — the offers that do not apply with the rule that excludes them.
 */
export function MatchesSection({ assessmentId }: { assessmentId: string }) {
  const { t, locale, problem, formatNumber } = useT();
  const { can } = useSession();
  const matches = useAsync(() => businessApi.matches(assessmentId), assessmentId);
  const [referring, setReferring] = useState<Eligible | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [sent, setSent] = useState('');
  const m = matches.data;
  const reason = (r: Parameters<typeof reasonText>[2]) => reasonText(t, locale, r, (n) => formatNumber(n));
  // Offers that fit a prioritised theme are recommended; eligible offers for no prioritised theme are listed apart.
  const recommended = m?.eligible.filter((e) => e.score > 0) ?? [];
  const others = m?.eligible.filter((e) => e.score === 0) ?? [];
  const shown = showAll ? recommended : recommended.slice(0, firstShown);

  const facts = m ? [
    m.company.employees !== null ? t('matches.factEmployees', { count: formatNumber(m.company.employees) }) : t('matches.factEmployeesUnknown'),
    m.company.industryCode ? t('matches.factIndustry', { code: formatIndustryCode(m.company.industryCode), section: m.company.industrySection ?? '' }) : null,
    [m.company.municipalityName, m.company.regionName].filter(Boolean).join(', ') || null,
  ].filter(Boolean).join(' · ') : '';

  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">{t('matches.title')}</h2>
      {m ? <p className="muted">{t('matches.intro', { date: formatDay(locale, m.matchedOn), facts })}</p> : null}
      <div aria-live="polite">{sent ? <Alert tone="success">{sent}</Alert> : null}</div>
      {matches.loading && !m ? <Spinner label={t('matches.loading')} /> : null}
      {matches.error ? <Alert tone="error">{problem(matches.error)}</Alert> : null}
      {m && recommended.length === 0 ? <EmptyState title={t('matches.emptyTitle')}>{t('matches.emptyBody')}</EmptyState> : null}
      {m && recommended.length > 0 ? (
        <ol className="plain-list" aria-label={t('matches.listLabel')}>
          {shown.map((e, i) => (
            <li key={e.offer.id}>
              <article className="card" aria-labelledby={`match-${e.offer.id}`} style={{ marginBottom: 0 }}>
                <div className="section-tools">
                  <h3 id={`match-${e.offer.id}`} style={{ margin: 0 }}>
                    <span className="muted">{`${i + 1}. `}</span><Link to={`/ydelser/${e.offer.id}`}>{e.offer.title}</Link>
                  </h3>
                  <Badge tone={e.score >= 50 ? 'success' : e.score > 0 ? 'info' : 'neutral'}>{t('matches.score', { score: formatNumber(e.score) })}</Badge>
                </div>
                <p className="muted small">
                  {t('matches.offerMeta', {
                    provider: e.offer.provider.name, financing: financingText(t, e.offer.financing, e.offer.coFinancingRate), days: e.offer.responseDays,
                  })}
                </p>
                <ul aria-label={t('matches.reasonsLabel', { title: e.offer.title })}>{e.reasons.map((r, j) => <li key={`${r.code}-${j}`}>{reason(r)}</li>)}</ul>
                {can('referral.create') ? (
                  <Button variant="secondary" onClick={() => { setSent(''); setReferring(e); }} aria-label={t('matches.referLabel', { title: e.offer.title })}>
                    {t('matches.refer')}
                  </Button>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      ) : null}
      {recommended.length > shown.length ? (
        <p><Button variant="secondary" onClick={() => setShowAll(true)}>{t('matches.showAll', { count: recommended.length })}</Button></p>
      ) : null}
      {m && m.eligibleTotal > m.eligible.length ? <p className="muted">{t('matches.more', { shown: m.eligible.length, total: m.eligibleTotal })}</p> : null}
      {others.length > 0 ? (
        <details className="card" style={{ marginTop: '1.5rem' }}>
          <summary><strong>{t('matches.othersTitle', { count: others.length })}</strong></summary>
          <p className="muted">{t('matches.othersIntro')}</p>
          <ul className="plain-list">
            {others.map((e) => (
              <li key={e.offer.id}>
                <Link to={`/ydelser/${e.offer.id}`}>{e.offer.title}</Link> <span className="muted">({e.offer.provider.name})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {m && m.ineligibleTotal > 0 ? (
        <details className="card" style={{ marginTop: '1.5rem' }}>
          <summary><strong>{t('matches.ineligibleTitle', { count: m.ineligibleTotal })}</strong></summary>
          <p className="muted">{t('matches.ineligibleIntro')}</p>
          <ul className="plain-list">
            {m.ineligible.map((x) => (
              <li key={x.offer.id}>
                <Link to={`/ydelser/${x.offer.id}`}>{x.offer.title}</Link> <span className="muted">({x.offer.provider.name})</span>
                <ul>{x.rules.map((r, j) => <li key={`${r.code}-${j}`}>{reason(r)}</li>)}</ul>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {referring && m ? (
        <ReferralDialog
          companyId={m.assessment.companyId} offerId={referring.offer.id} offerTitle={referring.offer.title} assessmentId={m.assessment.id}
          onDone={() => { setSent(t('matches.referred', { title: referring.offer.title })); setReferring(null); matches.reload(); }}
          onCancel={() => setReferring(null)}
        />
      ) : null}
    </section>
  );
}
