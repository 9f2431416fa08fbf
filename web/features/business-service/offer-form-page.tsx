import { Link, useNavigate, useParams } from 'react-router';
import { isProviderKind } from '../../../common/business-service';
import { Alert, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { OfferForm } from './offer-form';

/**
 * /ydelser/ny and /ydelser/:id/rediger. A provider's user keeps their own organisation's offers; the
 * secretariat (and an administrator) curates every offer and chooses which provider an offer belongs to.
 */
export function OfferFormPage() {
  const { id } = useParams();
  const { t, problem } = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const offer = useAsync(() => (id ? businessApi.offer(id) : Promise.resolve(undefined)), id ?? 'new');
  const curator = Boolean(user?.roles.some((r) => r === 'admin' || r === 'secretariat'));
  const chooseProvider = curator || (user ? !isProviderKind(user.organisation.kind) : false);
  const title = id ? t('offerForm.editTitle', { title: offer.data?.title ?? '' }) : t('offerForm.newTitle');
  const back = id ? `/ydelser/${id}` : '/ydelser';

  return (
    <>
      <p className="back-link"><Link to={back}>← {id ? t('offerForm.backToOffer') : t('offer.back')}</Link></p>
      <PageHeader title={title} intro={id ? undefined : t('offerForm.intro')} />
      {offer.error ? <Alert tone="error">{problem(offer.error)}</Alert> : null}
      {id && offer.loading && !offer.data ? <Spinner label={t('app.loading')} /> : null}
      {id && offer.data && !offer.data.canManage ? <Alert tone="error">{t('offerForm.notYours')}</Alert> : null}
      {!id || (offer.data && offer.data.canManage) ? (
        <section className="card" aria-label={title}>
          <OfferForm
            key={offer.data?.id ?? 'new'} offer={offer.data} chooseProvider={chooseProvider}
            onSaved={(saved) => navigate(`/ydelser/${saved.id}`)} onCancel={() => navigate(back)}
          />
        </section>
      ) : null}
    </>
  );
}
