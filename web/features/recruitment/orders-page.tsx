import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { compareDa } from '../../../common/text';
import { jobTypes, orderStatuses, type JobType, type Order } from '../../../common/recruitment';
import { Alert, Button, EmptyState, ExportMenu, PageHeader, Pagination, Select, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { formatDay, jobTypeLabel, OrderStatusBadge, orderStatusLabel } from './labels';
import { orderApi, referenceApi, type OrderFilter, type OrderStatusFilter } from './recruitment-api';

const pageSize = 50;
const statusFilters = ['open', 'closed', 'all', ...orderStatuses] as const;
const parseStatus = (v: string | null): OrderStatusFilter => ((statusFilters as readonly string[]).includes(v ?? '') ? v as OrderStatusFilter : 'open');

/** True for a company's own users: they get the employer pages, never the job centres' lists. */
export const isCompanyUser = (user: { roles: readonly string[] } | null | undefined) => Boolean(user?.roles.includes('company_user'));

/**
 * /jobordrer: every job order of the partnership for job-centre and business staff, filtered in the URL (status
 * open/closed/all or one status, job type, workplace municipality, text), with the holding centre and an export.
 */
export function OrdersPage() {
  const { t, locale, problem, formatNumber } = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter: OrderFilter = {
    status: parseStatus(params.get('status')), q: params.get('q') ?? undefined,
    jobType: (jobTypes as readonly string[]).includes(params.get('jobType') ?? '') ? params.get('jobType') as JobType : undefined,
    municipality: Number(params.get('municipality')) || undefined,
  };
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const key = JSON.stringify({ ...filter, offset });
  const list = useAsync(() => orderApi.list({ ...filter, limit: pageSize, offset }), key);
  const municipalities = useAsync(() => referenceApi.municipalities().then((m) => [...m].sort((a, b) => compareDa(a.name, b.name))), 'municipalities');
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next);
  };
  const search = (event: FormEvent) => { event.preventDefault(); setParam('q', q.trim()); };

  const columns = useMemo<Column<Order>[]>(() => [
    { key: 'number', header: t('recruitment.order.number'), cell: (o) => <span style={{ whiteSpace: 'nowrap' }}>{o.number}</span> },
    { key: 'title', header: t('recruitment.order.title'), rowHeader: true, cell: (o) => <Link to={`/jobordrer/${o.id}`}>{o.title}</Link> },
    { key: 'company', header: t('recruitment.order.company'), cell: (o) => o.companyName },
    { key: 'municipality', header: t('recruitment.orders.colMunicipality'), cell: (o) => o.workplaceMunicipalityName ?? t('common.none') },
    { key: 'jobType', header: t('recruitment.order.jobType'), cell: (o) => jobTypeLabel(locale, o.jobType) },
    { key: 'openings', header: t('recruitment.orders.colOpenings'), numeric: true, cell: (o) => formatNumber(o.openings) },
    { key: 'deadline', header: t('recruitment.orders.colDeadline'), cell: (o) => formatDay(locale, o.deadline) },
    { key: 'status', header: t('recruitment.order.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
    { key: 'centre', header: t('recruitment.order.holdingCentre'), cell: (o) => o.holdingOrganisationName },
  ], [t, locale, formatNumber]);

  if (isCompanyUser(session.user)) return <Navigate to="/mine-jobordrer" replace />;
  const exportQuery = { status: filter.status, q: filter.q, jobType: filter.jobType, municipality: filter.municipality };

  return (
    <>
      <PageHeader
        title={t('recruitment.orders.title')} intro={t('recruitment.orders.intro')}
        actions={(
          <>
            {session.can('order.write') ? <Link className="btn btn-primary" to="/jobordrer/ny">{t('recruitment.orders.new')}</Link> : null}
            <ExportMenu path="/orders" query={exportQuery} total={list.data?.total} />
          </>
        )}
      />
      <form role="search" className="card search-form" onSubmit={search} aria-label={t('recruitment.orders.searchLabel')}>
        <div className="search-row">
          <TextField id="orders-q" type="search" label={t('recruitment.orders.q')} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          <Button type="submit">{t('common.search')}</Button>
        </div>
        <fieldset className="filters">
          <legend>{t('recruitment.orders.filters')}</legend>
          <Select
            id="orders-status" label={t('recruitment.order.status')} value={filter.status} onChange={(e) => setParam('status', e.target.value)}
            options={[
              { value: 'open', label: t('recruitment.orders.statusOpen') }, { value: 'closed', label: t('recruitment.orders.statusClosed') },
              { value: 'all', label: t('common.all') }, ...orderStatuses.map((s) => ({ value: s, label: orderStatusLabel(locale, s) })),
            ]}
          />
          <Select
            id="orders-jobType" label={t('recruitment.order.jobType')} emptyLabel={t('common.all')} value={filter.jobType ?? ''}
            onChange={(e) => setParam('jobType', e.target.value)} options={jobTypes.map((j) => ({ value: j, label: jobTypeLabel(locale, j) }))}
          />
          <Select
            id="orders-municipality" label={t('recruitment.order.municipality')} emptyLabel={t('common.all')} value={filter.municipality ? String(filter.municipality) : ''}
            onChange={(e) => setParam('municipality', e.target.value)} options={(municipalities.data ?? []).map((m) => ({ value: String(m.code), label: m.name }))}
          />
        </fieldset>
      </form>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        <>
          <h2 className="results-count">
            {list.data.total === 1 ? t('recruitment.orders.countOne') : t('recruitment.orders.count', { count: formatNumber(list.data.total) })}
          </h2>
          {list.data.items.length === 0
            ? <EmptyState title={t('recruitment.orders.emptyTitle')}>{t('recruitment.orders.emptyBody')}</EmptyState>
            : <Table caption={t('recruitment.orders.caption')} captionHidden columns={columns} rows={list.data.items} rowKey={(o) => o.id} />}
          <Pagination total={list.data.total} limit={pageSize} offset={offset} onChange={(o) => setParam('offset', String(o))} />
        </>
      ) : null}
    </>
  );
}
