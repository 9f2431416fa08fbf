import { useNavigate, useParams } from 'react-router';
import { Alert, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { AgreementForm } from './agreement-form';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink } from './schools-nav';

/** /skoler/aftaler/ny and /skoler/aftaler/:id: register or edit a collaboration agreement. */
export function AgreementFormPage() {
  const { t, problem } = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const link = useHubLink();
  const agreement = useAsync(() => (id ? schoolsApi.agreement(id) : Promise.resolve(undefined)), id ?? 'new');
  const back = () => navigate(link('/skoler/aftaler'));
  const existing = agreement.data;
  return (
    <SchoolsFrame title={existing ? t('schools.agreement.editTitle', { party: existing.partyName, company: existing.companyName }) : t('schools.agreement.createTitle')}
      yearChoice={false}>
      {agreement.error ? <Alert tone="error">{problem(agreement.error)}</Alert> : null}
      {id && agreement.loading ? <Spinner label={t('app.loading')} /> : null}
      {!id || existing ? <div className="card"><AgreementForm key={existing?.id ?? 'new'} agreement={existing} onSaved={back} onCancel={back} /></div> : null}
    </SchoolsFrame>
  );
}
