import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { openOrderStatuses } from '../../../common/recruitment';
import { Alert, Badge, EmptyState, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { OrderStatusBadge, orderStatusLabel } from './labels';
import { OrderFacts } from './order-facts';
import { OrderLog } from './order-log';
import { PlacementsSection } from './placements-section';
import { orderApi } from './recruitment-api';
import { ReleasedList } from './released-list';
import { ShortlistSection } from './shortlist-section';
import { StatusActions } from './status-actions';

/**
 * /jobordrer/:id (staff) and /mine-jobordrer/:id (the employer): the order, its status with the moves allowed now,
 * and then — for job centres — the merged shortlist, the placements and the formidlingslog; for the employer the
 * candidates released to it.
 */
export function OrderDetailPage({ employer = false }: { employer?: boolean }) {
  const { id = '' } = useParams();
  const { t, locale, problem } = useT();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const order = useAsync(() => orderApi.get(id), `order-${id}-${version}`);
  const changed = () => setVersion((v) => v + 1);
  const o = order.data;
  const base = employer ? '/mine-jobordrer' : '/jobordrer';
  const open = o ? openOrderStatuses.includes(o.status) : false;

  return (
    <>
      <p className="back-link"><Link to={base}>← {employer ? t('recruitment.employer.back') : t('recruitment.orders.back')}</Link></p>
      {order.loading && !o ? <Spinner label={t('app.loading')} /> : null}
      {order.error ? <Alert tone="error">{problem(order.error)}</Alert> : null}
      {o ? (
        <>
          <PageHeader
            title={o.title}
            actions={o.canEdit ? <Link className="btn btn-secondary" to={`${base}/${o.id}/rediger`}>{t('common.edit')}</Link> : null}
          >
            <p className="badges">
              <OrderStatusBadge status={o.status} />
              <Badge>{t('recruitment.order.numberShort', { number: o.number })}</Badge>
              {o.anonymousEmployer ? <Badge tone="info">{t('recruitment.order.anonymousShort')}</Badge> : null}
            </p>
          </PageHeader>
          {o.description ? <p style={{ whiteSpace: 'pre-wrap' }}>{o.description}</p> : null}
          <section className="card" aria-labelledby="order-facts-heading">
            <h2 id="order-facts-heading">{t('recruitment.order.facts')}</h2>
            <OrderFacts order={o} employer={employer} />
          </section>
          {o.allowedTransitions.length ? (
            <section className="card" aria-labelledby="order-status-heading">
              <h2 id="order-status-heading">{t('recruitment.status.title')}</h2>
              <p>{t('recruitment.status.current', { status: orderStatusLabel(locale, o.status) })}</p>
              <StatusActions
                legend={t('recruitment.status.legend')} transitions={o.allowedTransitions} label={(s) => orderStatusLabel(locale, s)}
                move={(s, note) => orderApi.move(o.id, s, note)} onMoved={changed}
              />
            </section>
          ) : null}
          {employer ? <EmployerReleased orderId={o.id} version={version} /> : null}
          {!employer && can('order.match') ? (
            <>
              <ShortlistSection orderId={o.id} open={open} version={version} onProposed={changed} />
              <PlacementsSection orderId={o.id} companyName={o.companyName} version={version} onChanged={changed} />
            </>
          ) : null}
          {!employer ? <OrderLog orderId={o.id} version={version} /> : null}
        </>
      ) : null}
    </>
  );
}

function EmployerReleased({ orderId, version }: { orderId: string; version: number }) {
  const { t, problem } = useT();
  const list = useAsync(() => orderApi.released(orderId), `released-${orderId}-${version}`);
  return (
    <section aria-labelledby="released-heading">
      <h2 id="released-heading">{t('recruitment.released.forOrder')}</h2>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (list.data.length === 0
        ? <EmptyState title={t('recruitment.released.empty')}>{t('recruitment.released.emptyBody')}</EmptyState>
        : <ReleasedList items={list.data} showOrder={false} />) : null}
    </section>
  );
}
