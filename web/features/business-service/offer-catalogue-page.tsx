import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  offerFinancings, offerStatuses, type Offer, type OfferFinancing, type OfferListQuery,
} from '../../../common/business-service';
import { engagementThemes, type EngagementTheme } from '../../../common/engagement';
import { Alert, Badge, Button, EmptyState, PageHeader, Pagination, Select, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { businessApi, offerPageSize, type OfferQuery } from './business-api';
import { financingKey, financingText, offerStatusKey, rangeText, themeKey } from './labels';

type StatusFilter = OfferListQuery['status'];

/**
 * /ydelser: the partners' offers to companies. Filters live in the URL, so a filtered list can be shared;
 * providers and the secretariat also see drafts and archived offers they manage.
 */
export function OfferCataloguePage() {
  const { t, problem, formatNumber } = useT();
  const { can } = useSession();
  const manages = can('offer.manage');
  const [params, setParams] = useSearchParams();
  const query: OfferQuery = {
    q: params.get('q') ?? undefined,
    theme: (params.get('tema') as EngagementTheme | null) ?? undefined,
    providerId: params.get('udbyder') ?? undefined,
    financing: (params.get('finansiering') as OfferFinancing | null) ?? undefined,
    status: (manages ? params.get('status') as StatusFilter | null : null) ?? 'published',
    limit: offerPageSize,
    offset: Number(params.get('fra') ?? 0) || 0,
  };
  const [text, setText] = useState(query.q ?? '');
  const offers = useAsync(() => businessApi.offers(query), params.toString());
  const providers = useAsync(() => businessApi.providers(), 'providers');

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    next.delete('fra');
    setParams(next);
  };
  function search(event: FormEvent) {
    event.preventDefault();
    set('q', text.trim());
  }

  const columns: Column<Offer>[] = [
    { key: 'title', header: t('offers.colTitle'), rowHeader: true, cell: (o) => <Link to={`/ydelser/${o.id}`}>{o.title}</Link> },
    { key: 'provider', header: t('offers.colProvider'), cell: (o) => o.provider.name },
    { key: 'themes', header: t('offers.colThemes'), cell: (o) => o.themes.map((th) => t(themeKey(th))).join(', ') },
    {
      key: 'size', header: t('offers.colEmployees'),
      cell: (o) => rangeText(t, o.minEmployees, o.maxEmployees, (n) => formatNumber(n)) ?? t('offer.noLimit'),
    },
    { key: 'financing', header: t('offers.colFinancing'), cell: (o) => financingText(t, o.financing, o.coFinancingRate) },
    ...(manages ? [{
      key: 'status', header: t('offers.colStatus'),
      cell: (o: Offer) => <Badge tone={o.status === 'published' ? 'success' : o.status === 'draft' ? 'warning' : 'neutral'}>{t(offerStatusKey(o.status))}</Badge>,
    }] : []),
  ];
  const page = offers.data;

  return (
    <>
      <PageHeader
        title={t('offers.title')} intro={t('offers.intro')}
        actions={manages ? <Link className="btn btn-primary" to="/ydelser/ny">{t('offers.create')}</Link> : undefined}
      />
      <form role="search" aria-label={t('offers.searchLabel')} className="search-form card" onSubmit={search}>
        <div className="search-row">
          <TextField id="offers-q" type="search" label={t('offers.searchText')} hint={t('offers.searchHint')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button type="submit">{t('common.search')}</Button>
        </div>
        <div className="filters filters-inline">
          <Select
            id="offers-theme" label={t('offers.filterTheme')} emptyLabel={t('common.all')} value={query.theme ?? ''}
            onChange={(e) => set('tema', e.target.value)} options={engagementThemes.map((th) => ({ value: th, label: t(themeKey(th)) }))}
          />
          <Select
            id="offers-provider" label={t('offers.filterProvider')} emptyLabel={t('common.all')} value={query.providerId ?? ''}
            onChange={(e) => set('udbyder', e.target.value)} options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            id="offers-financing" label={t('offers.filterFinancing')} emptyLabel={t('common.all')} value={query.financing ?? ''}
            onChange={(e) => set('finansiering', e.target.value)} options={offerFinancings.map((f) => ({ value: f, label: t(financingKey(f)) }))}
          />
          {manages ? (
            <Select
              id="offers-status" label={t('offers.filterStatus')} value={query.status ?? 'published'}
              onChange={(e) => set('status', e.target.value === 'published' ? '' : e.target.value)}
              options={[...offerStatuses.map((s) => ({ value: s, label: t(offerStatusKey(s)) })), { value: 'all', label: t('offers.statusAll') }]}
            />
          ) : null}
        </div>
      </form>
      {offers.error ? <Alert tone="error">{problem(offers.error)}</Alert> : null}
      {offers.loading && !page ? <Spinner label={t('app.loading')} /> : null}
      {page ? (
        <section aria-labelledby="offers-results">
          <h2 id="offers-results" className="results-count" aria-live="polite">{t('offers.total', { count: formatNumber(page.total) })}</h2>
          {page.items.length === 0
            ? <EmptyState title={t('offers.emptyTitle')}>{t('offers.emptyBody')}</EmptyState>
            : <Table caption={t('offers.caption')} captionHidden columns={columns} rows={page.items} rowKey={(o) => o.id} />}
          <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={(offset) => {
            const next = new URLSearchParams(params);
            if (offset) next.set('fra', String(offset)); else next.delete('fra');
            setParams(next);
          }} />
        </section>
      ) : null}
    </>
  );
}
