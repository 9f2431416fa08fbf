import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Organisation } from '../../../../common/identity';
import { Alert, PageHeader } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { api, ApiError } from '../../../lib/api';
import { OrganisationForm, type OrganisationFields } from './organisation-form';

export function OrganisationCreatePage() {
  const { t, problem } = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(fields: OrganisationFields) {
    setBusy(true);
    setError(null);
    try {
      const created = await api<Organisation>('POST', '/admin/organisations', fields);
      navigate(`/admin/organisationer/${created.id}`, { state: { flash: t('orgs.created', { name: created.name }) } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="back-link"><Link to="/admin/organisationer">← {t('orgs.title')}</Link></p>
      <PageHeader title={t('orgs.new')} />
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <OrganisationForm
        error={error instanceof ApiError ? error : null} busy={busy} submitLabel={t('orgs.new')} onSubmit={create}
      />
    </>
  );
}
