import { Link, useParams } from 'react-router';
import { Alert, Badge, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { IdentityPanel } from './identity-panel';
import { certificateLabel, educationKey, formatDay, targetGroupKey } from './labels';
import { candidateApi } from './recruitment-api';

/** /kandidater/:id: the match-relevant profile, and for the own centre the identity panel (purpose first). */
export function CandidatePage() {
  const { id = '' } = useParams();
  const { t, locale, problem, formatNumber } = useT();
  const { can } = useSession();
  const candidate = useAsync(() => candidateApi.get(id), id);
  const c = candidate.data;
  const none = t('common.none');

  return (
    <>
      <p className="back-link"><Link to="/kandidater">← {t('recruitment.candidates.back')}</Link></p>
      {candidate.loading && !c ? <Spinner label={t('app.loading')} /> : null}
      {candidate.error ? <Alert tone="error">{problem(candidate.error)}</Alert> : null}
      {c ? (
        <>
          <PageHeader
            title={t('recruitment.candidate.title', { ref: c.ref })}
            actions={c.own && can('candidate.write') && !c.anonymised ? <Link className="btn btn-secondary" to={`/kandidater/${c.id}/rediger`}>{t('common.edit')}</Link> : null}
          >
            <p className="badges">
              <Badge tone={c.active ? 'success' : 'neutral'}>{c.active ? t('common.active') : t('common.inactive')}</Badge>
              {c.anonymised ? <Badge tone="warning">{t('recruitment.candidate.anonymised')}</Badge> : null}
              <Badge>{c.organisationName}</Badge>
            </p>
          </PageHeader>
          <section className="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('recruitment.candidate.profile')}</h2>
            <dl className="facts">
              <div><dt>{t('recruitment.candidate.occupations')}</dt><dd>{c.occupations.map((o) => o.label).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.candidate.skills')}</dt><dd>{c.skills.map((s) => s.label).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.order.certificates')}</dt><dd>{c.certificates.map((x) => certificateLabel(locale, x)).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.candidate.education')}</dt><dd>{c.educationLevel ? t(educationKey(c.educationLevel)) : none}</dd></div>
              <div><dt>{t('recruitment.order.languages')}</dt><dd>{c.languages.join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.candidate.postalCode')}</dt><dd>{[c.postalCode, c.postalName].filter(Boolean).join(' ') || none}</dd></div>
              <div><dt>{t('recruitment.candidate.maxCommute')}</dt><dd>{c.maxCommuteKm === null ? none : t('recruitment.candidate.km', { km: formatNumber(c.maxCommuteKm) })}</dd></div>
              <div><dt>{t('recruitment.candidate.availableFrom')}</dt><dd>{formatDay(locale, c.availableFrom)}</dd></div>
              <div><dt>{t('recruitment.order.hours')}</dt><dd>{c.hoursPerWeek === null ? none : formatNumber(c.hoursPerWeek)}</dd></div>
              <div><dt>{t('recruitment.candidate.targetGroup')}</dt><dd>{c.targetGroup ? t(targetGroupKey(c.targetGroup)) : none}</dd></div>
            </dl>
          </section>
          {c.own && can('candidate.identity') && !c.anonymised ? <IdentityPanel candidateId={c.id} /> : null}
        </>
      ) : null}
    </>
  );
}
