import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Organisation } from '../../../../common/identity';
import { Alert, Button, PageHeader, Spinner } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { api, ApiError, apiGet } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';
import { OrganisationForm } from './organisation-form';
import { SsoSettingsForm } from './sso-settings-form';

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t, problem } = useT();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const loaded = useAsync(() => apiGet<Organisation>(`/admin/organisations/${encodeURIComponent(id)}`), id);
  const [saved, setSaved] = useState<Organisation | null>(null);
  const [message, setMessage] = useState<string | null>(flash ?? null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const organisation = saved ?? loaded.data;

  async function patch(body: object, success: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setSaved(await api<Organisation>('PATCH', `/admin/organisations/${encodeURIComponent(id)}`, body));
      setMessage(success);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  return (
    <>
      <p className="back-link"><Link to="/admin/organisationer">← {t('orgs.title')}</Link></p>
      {loaded.loading && !organisation ? <Spinner label={t('app.loading')} /> : null}
      {loaded.error ? <Alert tone="error">{problem(loaded.error)}</Alert> : null}
      {organisation ? (
        <>
          <PageHeader title={t('orgs.editTitle', { name: organisation.name })} />
          <div aria-live="polite">{message ? <Alert tone="success">{message}</Alert> : null}</div>
          {error ? <Alert tone="error">{problem(error)}</Alert> : null}
          <h2>{t('orgs.details')}</h2>
          <OrganisationForm
            key={`details-${organisation.id}`} initial={organisation} error={apiError} busy={busy} submitLabel={t('common.save')}
            onSubmit={(fields) => void patch(fields, t('orgs.saved'))}
          />
          <SsoSettingsForm
            key={`sso-${organisation.id}`} organisation={organisation} error={apiError} busy={busy}
            onSubmit={(sso) => void patch({ sso }, t('orgs.saved'))}
          />
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">{t('orgs.status')}</h2>
            <p>{t('orgs.deactivateHint')}</p>
            {organisation.active ? (
              <Button variant="danger" disabled={busy} onClick={() => void patch({ active: false }, t('orgs.deactivated'))}>
                {t('orgs.deactivate')}
              </Button>
            ) : (
              <Button variant="secondary" disabled={busy} onClick={() => void patch({ active: true }, t('orgs.reactivated'))}>
                {t('orgs.reactivate')}
              </Button>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
