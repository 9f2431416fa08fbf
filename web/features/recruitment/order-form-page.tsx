import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { OrderForm } from './order-form';
import { employerApi, orderApi, referenceApi, type CompanyHit } from './recruitment-api';

/**
 * /jobordrer/ny (optionally ?virksomhed=<id> from the company page), /jobordrer/:id/rediger, and the employer's
 * /mine-jobordrer/ny and /mine-jobordrer/:id/rediger, where the company is the user's own.
 */
export function OrderFormPage({ employer = false }: { employer?: boolean }) {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, problem } = useT();
  const navigate = useNavigate();
  const base = employer ? '/mine-jobordrer' : '/jobordrer';
  const companyId = params.get('virksomhed');
  const data = useAsync(async (): Promise<{ order?: Awaited<ReturnType<typeof orderApi.get>>; company: CompanyHit | null }> => {
    if (id) return { order: await orderApi.get(id), company: null };
    if (employer) return { company: { municipalityName: null, ...(await employerApi.me()) } };
    return { company: companyId ? await referenceApi.company(companyId) : null };
  }, `${employer}-${id ?? 'new'}-${companyId ?? ''}`);
  const order = data.data?.order;
  const title = id ? t('recruitment.form.editTitle', { title: order?.title ?? '' }) : t('recruitment.form.newTitle');
  const back = id ? `${base}/${id}` : companyId && !employer ? `/virksomheder/${companyId}` : base;

  return (
    <>
      <p className="back-link"><Link to={back}>← {t('common.back')}</Link></p>
      <PageHeader title={title} intro={id ? undefined : employer ? t('recruitment.form.employerIntro') : t('recruitment.form.intro')} />
      {data.error ? <Alert tone="error">{problem(data.error)}</Alert> : null}
      {data.loading && !data.data ? <Spinner label={t('app.loading')} /> : null}
      {order && !order.canEdit ? <Alert tone="error">{t('recruitment.form.notEditable')}</Alert> : null}
      {data.data && (!order || order.canEdit) ? (
        <section className="card" aria-label={title}>
          <OrderForm
            key={order?.id ?? 'new'} order={order} company={data.data.company} companyFixed={employer}
            onSaved={(saved) => navigate(`${base}/${saved.id}`)} onCancel={() => navigate(back)}
          />
        </section>
      ) : null}
    </>
  );
}
