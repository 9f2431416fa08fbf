import { Link } from 'react-router';
import type { Order } from '../../../common/recruitment';
import { Alert, EmptyState, PageHeader, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { formatDay, jobTypeLabel, OrderStatusBadge } from './labels';
import { employerApi, orderApi } from './recruitment-api';

/** /mine-jobordrer: a company user's own job orders (all statuses, newest first as the server sends them). */
export function EmployerOrdersPage() {
  const { t, locale, problem, formatNumber } = useT();
  const session = useSession();
  const companyId = session.user?.organisation.companyId ?? undefined;
  const company = useAsync(() => employerApi.me(), 'employer-me');
  const list = useAsync(() => orderApi.list({ status: 'all', companyId, limit: 200 }), `employer-orders-${companyId ?? ''}`);

  const columns: Column<Order>[] = [
    { key: 'title', header: t('recruitment.order.title'), rowHeader: true, cell: (o) => <Link to={`/mine-jobordrer/${o.id}`}>{o.title}</Link> },
    { key: 'number', header: t('recruitment.order.number'), cell: (o) => <span style={{ whiteSpace: 'nowrap' }}>{o.number}</span> },
    { key: 'jobType', header: t('recruitment.order.jobType'), cell: (o) => jobTypeLabel(locale, o.jobType) },
    { key: 'openings', header: t('recruitment.order.openings'), numeric: true, cell: (o) => formatNumber(o.openings) },
    { key: 'deadline', header: t('recruitment.order.deadline'), cell: (o) => formatDay(locale, o.deadline) },
    { key: 'status', header: t('recruitment.order.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
    { key: 'centre', header: t('recruitment.employer.centre'), cell: (o) => o.holdingOrganisationName },
  ];

  return (
    <>
      <PageHeader
        title={t('recruitment.employer.ordersTitle')}
        intro={company.data ? t('recruitment.employer.ordersIntro', { company: company.data.name }) : undefined}
        actions={session.can('order.write') ? <Link className="btn btn-primary" to="/mine-jobordrer/ny">{t('recruitment.orders.new')}</Link> : null}
      />
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        list.data.items.length === 0
          ? <EmptyState title={t('recruitment.employer.noOrders')}>{t('recruitment.employer.noOrdersBody')}</EmptyState>
          : <Table caption={t('recruitment.employer.ordersTitle')} captionHidden columns={columns} rows={list.data.items} rowKey={(o) => o.id} />
      ) : null}
    </>
  );
}
