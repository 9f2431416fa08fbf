import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { ConfirmDialog, runDialogAction } from './confirm-dialog';
import { HostOfferForm } from './host-offer-form';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink, useSchoolYear } from './schools-nav';

/** /skoler/vaertsvirksomheder/ny and /skoler/vaertsvirksomheder/:id: create, edit or delete a host offer. */
export function HostOfferFormPage() {
  const { t, problem } = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const link = useHubLink();
  const [year] = useSchoolYear();
  const offer = useAsync(() => (id ? schoolsApi.hostOffer(id) : Promise.resolve(undefined)), id ?? 'new');
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const back = () => navigate(link('/skoler/vaertsvirksomheder'));
  const existing = offer.data;

  return (
    <SchoolsFrame
      title={existing ? t('schools.host.editTitle', { company: existing.companyName }) : t('schools.host.createTitle')}
      intro={existing ? t('schools.host.editIntro', { year: existing.schoolYear }) : t('schools.host.createIntro', { year })}
      yearChoice={false}
      actions={existing ? <Button variant="danger" onClick={() => { setDialogError(null); setDeleting(true); }}>{t('schools.delete')}</Button> : undefined}
    >
      {offer.error ? <Alert tone="error">{problem(offer.error)}</Alert> : null}
      {id && offer.loading ? <Spinner label={t('app.loading')} /> : null}
      {!id || existing ? (
        <div className="card"><HostOfferForm key={existing?.id ?? 'new'} offer={existing} schoolYear={year} onSaved={back} onCancel={back} /></div>
      ) : null}
      {deleting && existing ? (
        <ConfirmDialog title={t('schools.host.deleteTitle', { company: existing.companyName })} confirmLabel={t('schools.delete')} danger busy={busy}
          error={dialogError} onCancel={() => setDeleting(false)}
          onConfirm={() => void runDialogAction(() => schoolsApi.deleteHostOffer(existing.id), { busy: setBusy, error: setDialogError }, back)}>
          <p>{t('schools.host.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </SchoolsFrame>
  );
}
