import { useState } from 'react';
import { Link } from 'react-router';
import type { Order } from '../../../common/recruitment';
import { Alert, Button, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { InviteCompanyUserDialog } from './invite-company-user-dialog';
import { formatDay, jobTypeLabel, OrderStatusBadge } from './labels';
import { orderApi } from './recruitment-api';

/** The company page's "Jobordrer" section: the company's orders (all statuses), a new order, and inviting a company user. */
export function CompanyOrdersPanel({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t, locale, problem, formatNumber } = useT();
  const { can } = useSession();
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState('');
  const mayRead = can('order.read');
  const list = useAsync(() => (mayRead ? orderApi.list({ status: 'all', companyId, limit: 20 }) : Promise.resolve(null)), `company-orders-${companyId}`);
  if (!mayRead && !can('company_user.invite')) return null;

  const columns: Column<Order>[] = [
    { key: 'title', header: t('recruitment.order.title'), rowHeader: true, cell: (o) => <Link to={`/jobordrer/${o.id}`}>{o.title}</Link> },
    { key: 'jobType', header: t('recruitment.order.jobType'), cell: (o) => jobTypeLabel(locale, o.jobType) },
    { key: 'openings', header: t('recruitment.order.openings'), numeric: true, cell: (o) => formatNumber(o.openings) },
    { key: 'deadline', header: t('recruitment.order.deadline'), cell: (o) => formatDay(locale, o.deadline) },
    { key: 'status', header: t('recruitment.order.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
    { key: 'centre', header: t('recruitment.order.holdingCentre'), cell: (o) => o.holdingOrganisationName },
  ];

  return (
    <section aria-labelledby="company-orders-heading" className="card">
      <h2 id="company-orders-heading">{t('recruitment.company.title')}</h2>
      <div className="form-actions" style={{ marginTop: 0 }}>
        {can('order.write') ? <Link className="btn btn-primary" to={`/jobordrer/ny?virksomhed=${encodeURIComponent(companyId)}`}>{t('recruitment.orders.new')}</Link> : null}
        {can('company_user.invite') ? <Button variant="secondary" onClick={() => { setNotice(''); setInviting(true); }}>{t('recruitment.invite.button')}</Button> : null}
      </div>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (list.data.items.length === 0 ? <p>{t('recruitment.company.none')}</p> : (
        <>
          <Table caption={t('recruitment.company.caption', { name: companyName })} captionHidden columns={columns} rows={list.data.items} rowKey={(o) => o.id} />
          {list.data.total > list.data.items.length ? (
            <p><Link to={`/jobordrer?status=all&q=${encodeURIComponent(companyName)}`}>{t('recruitment.company.all', { count: formatNumber(list.data.total) })}</Link></p>
          ) : null}
        </>
      )) : null}
      {inviting ? (
        <InviteCompanyUserDialog
          companyId={companyId} companyName={companyName} onCancel={() => setInviting(false)}
          onDone={(email) => { setInviting(false); setNotice(t('recruitment.invite.sent', { email })); }}
        />
      ) : null}
    </section>
  );
}
