import { Link, useNavigate, useParams } from 'react-router';
import { Alert, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { CandidateForm } from './candidate-form';
import { candidateApi } from './recruitment-api';

/** /kandidater/ny and /kandidater/:id/rediger. Editing reads the identity with the purpose "rettelse af oplysninger" (audited). */
export function CandidateFormPage() {
  const { id } = useParams();
  const { t, problem } = useT();
  const navigate = useNavigate();
  const data = useAsync(async () => (id
    ? { profile: await candidateApi.get(id), identity: await candidateApi.identity(id, 'korrektion') }
    : { profile: undefined, identity: undefined }), id ?? 'new');
  const title = id ? t('recruitment.candidateForm.editTitle', { ref: data.data?.profile?.ref ?? '' }) : t('recruitment.candidateForm.newTitle');
  const back = id ? `/kandidater/${id}` : '/kandidater';

  return (
    <>
      <p className="back-link"><Link to={back}>← {t('common.back')}</Link></p>
      <PageHeader title={title} intro={id ? t('recruitment.candidateForm.editIntro') : t('recruitment.candidateForm.intro')} />
      {data.error ? <Alert tone="error">{problem(data.error)}</Alert> : null}
      {data.loading && !data.data ? <Spinner label={t('app.loading')} /> : null}
      {data.data ? (
        <section className="card" aria-label={title}>
          <CandidateForm
            key={data.data.profile?.id ?? 'new'} profile={data.data.profile} identity={data.data.identity}
            onSaved={(saved) => navigate(`/kandidater/${saved.id}`)} onCancel={() => navigate(back)}
          />
        </section>
      ) : null}
    </>
  );
}
