import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Assessment } from '../../../common/business-service';
import { engagementThemes } from '../../../common/engagement';
import { Alert, Badge, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { formatDay, priorityKey, segmentKey, themeKey } from './labels';
import { MatchesSection } from './matches-section';

/** The themes with a need, highest first: "Automatisering og digitalisering – 5 – meget stort behov". */
export function NeedList({ assessment }: { assessment: Pick<Assessment, 'priorities'> }) {
  const { t } = useT();
  const needs = engagementThemes.filter((th) => assessment.priorities[th] > 0)
    .sort((a, b) => assessment.priorities[b] - assessment.priorities[a] || engagementThemes.indexOf(a) - engagementThemes.indexOf(b));
  if (needs.length === 0) return <p>{t('assessment.noNeeds')}</p>;
  return (
    <ul>
      {needs.map((th) => <li key={th}><strong>{t(themeKey(th))}</strong>: {t(priorityKey(assessment.priorities[th]))}</li>)}
    </ul>
  );
}

function Versions({ assessmentId, count }: { assessmentId: string; count: number }) {
  const { t, locale, formatDate } = useT();
  const versions = useAsync(() => (count > 1 ? businessApi.versions(assessmentId) : Promise.resolve({ items: [] })), `${assessmentId}-${count}`);
  if (count <= 1 || !versions.data) return null;
  return (
    <details>
      <summary>{t('assessment.versions', { count: versions.data.items.length })}</summary>
      <ol>
        {versions.data.items.map((v) => (
          <li key={v.version}>
            {t('assessment.versionLine', { saved: formatDate(v.savedAt, true), by: v.savedBy?.name ?? '–', date: formatDay(locale, v.date) })}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** /behovsafdaekninger/:id: one needs assessment and the offers recommended for it. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale, problem, formatNumber } = useT();
  const { can } = useSession();
  const saved = Boolean((useLocation().state as { saved?: boolean } | null)?.saved);
  const assessment = useAsync(() => businessApi.assessment(id), id);
  const a = assessment.data;
  const none = t('common.none');

  const facts: [string, ReactNode][] = a ? [
    [t('assessment.date'), formatDay(locale, a.date)],
    [t('assessment.by'), `${a.author.name}, ${a.organisation.name}`],
    [t('assessment.segment'), a.segment ? t(segmentKey(a.segment)) : none],
    [t('assessment.turnover'), a.turnoverDkk !== null ? t('offer.dkk', { amount: formatNumber(a.turnoverDkk) }) : none],
    [t('assessment.participants'), a.participants.length ? a.participants.map((p) => p.name).join(', ') : none],
    [t('assessment.consent'), a.consentToShare ? t('assessment.consentYes') : t('assessment.consentNo')],
  ] : [];

  return (
    <>
      {a ? <p className="back-link"><Link to={`/virksomheder/${a.companyId}`}>← {t('assessmentForm.backToCompany', { name: a.companyName })}</Link></p> : null}
      {assessment.loading && !a ? <Spinner label={t('app.loading')} /> : null}
      {assessment.error ? <Alert tone="error">{problem(assessment.error)}</Alert> : null}
      {saved && a ? <Alert tone="success">{t('assessment.saved', { name: a.companyName })}</Alert> : null}
      {a ? (
        <>
          <PageHeader
            title={t('assessment.title', { name: a.companyName })}
            actions={a.canEdit ? <Link className="btn btn-secondary" to={`/behovsafdaekninger/${a.id}/rediger`}>{t('assessment.edit')}</Link> : undefined}
          >
            <p className="badges">
              <Badge>{formatDay(locale, a.date)}</Badge>
              <Badge tone={a.consentToShare ? 'success' : 'warning'}>{a.consentToShare ? t('assessment.sharedBadge') : t('assessment.notSharedBadge')}</Badge>
            </p>
          </PageHeader>
          <section className="card" aria-labelledby="assessment-summary">
            <h2 id="assessment-summary">{t('assessment.summary')}</h2>
            <dl className="facts">{facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}</dl>
            <h3>{t('assessment.needs')}</h3>
            <NeedList assessment={a} />
            <h3>{t('assessment.challenge')}</h3>
            <p style={{ whiteSpace: 'pre-line' }}>{a.challenge}</p>
            {a.growthAmbition ? <><h3>{t('assessment.ambition')}</h3><p style={{ whiteSpace: 'pre-line' }}>{a.growthAmbition}</p></> : null}
            {a.nextSteps ? <><h3>{t('assessment.nextSteps')}</h3><p style={{ whiteSpace: 'pre-line' }}>{a.nextSteps}</p></> : null}
            <Versions assessmentId={a.id} count={a.versionCount} />
          </section>
          {can('offer.match') ? <MatchesSection assessmentId={a.id} /> : null}
        </>
      ) : null}
    </>
  );
}
