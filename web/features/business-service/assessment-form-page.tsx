import { Link, useNavigate, useParams } from 'react-router';
import { Alert, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { AssessmentForm } from './assessment-form';
import { businessApi } from './business-api';

/** /virksomheder/:id/behovsafdaekning/ny: a new needs assessment after a visit; saved, it shows the recommended offers. */
export function NewAssessmentPage() {
  const { id = '' } = useParams();
  const { t, problem } = useT();
  const navigate = useNavigate();
  const company = useAsync(() => businessApi.company(id), id);
  const name = company.data?.name ?? '';

  return (
    <>
      <p className="back-link"><Link to={`/virksomheder/${id}`}>← {t('assessmentForm.backToCompany', { name })}</Link></p>
      {company.loading && !company.data ? <Spinner label={t('app.loading')} /> : null}
      {company.error ? <Alert tone="error">{problem(company.error)}</Alert> : null}
      {company.data ? (
        <>
          <PageHeader title={t('assessmentForm.newTitle', { name })} intro={t('assessmentForm.intro')} />
          <AssessmentForm
            companyId={id} companyName={name}
            onSaved={(saved) => navigate(`/behovsafdaekninger/${saved.id}`, { state: { saved: true } })}
            onCancel={() => navigate(`/virksomheder/${id}`)}
          />
        </>
      ) : null}
    </>
  );
}

/** /behovsafdaekninger/:id/rediger: a correction by the author's organisation; earlier versions stay readable. */
export function EditAssessmentPage() {
  const { id = '' } = useParams();
  const { t, problem } = useT();
  const navigate = useNavigate();
  const assessment = useAsync(() => businessApi.assessment(id), id);
  const a = assessment.data;

  return (
    <>
      <p className="back-link"><Link to={`/behovsafdaekninger/${id}`}>← {t('assessmentForm.backToAssessment')}</Link></p>
      {assessment.loading && !a ? <Spinner label={t('app.loading')} /> : null}
      {assessment.error ? <Alert tone="error">{problem(assessment.error)}</Alert> : null}
      {a && !a.canEdit ? <Alert tone="error">{t('assessmentForm.notYours')}</Alert> : null}
      {a && a.canEdit ? (
        <>
          <PageHeader title={t('assessmentForm.editTitle', { name: a.companyName })} intro={t('assessmentForm.editIntro')} />
          <AssessmentForm
            companyId={a.companyId} companyName={a.companyName} assessment={a}
            onSaved={(saved) => navigate(`/behovsafdaekninger/${saved.id}`, { state: { saved: true } })}
            onCancel={() => navigate(`/behovsafdaekninger/${id}`)}
          />
        </>
      ) : null}
    </>
  );
}
