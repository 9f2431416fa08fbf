import { useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { CompanySearchResult, CompanySummary } from '../../../common/companies';
import { Alert, Badge, EmptyState, ExportMenu, PageHeader, Pagination, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { apiGet, toQuery } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { CompanySearchForm, type SearchCriteria } from './company-search-form';
import { addressLine, employeeBandLabel, statusKey } from './labels';
import { useSearchReference } from './use-reference';

type SearchResult = CompanySearchResult;

const pageSize = 25;
const criteriaKeys = ['q', 'municipality', 'industry', 'employeeBand', 'status', 'sort'] as const;

/** /virksomheder: the whole search lives in the URL, so links can be shared and back/forward work. */
export function CompanySearchPage() {
  const { t, problem, formatNumber } = useT();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const { municipalities, sections } = useSearchReference();
  const criteria = useMemo<SearchCriteria>(() => ({
    q: params.get('q') ?? '', municipality: params.get('municipality') ?? '', industry: params.get('industry') ?? '',
    employeeBand: params.get('employeeBand') ?? '', status: params.get('status') ?? '', sort: params.get('sort') ?? '',
  }), [params]);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const query = toQuery({ ...criteria, limit: pageSize, offset: offset || undefined });
  const result = useAsync(() => apiGet<SearchResult>(`/companies${query}`), query);

  function search(next: SearchCriteria, nextOffset = 0) {
    const entries: Record<string, string> = {};
    for (const key of criteriaKeys) if (next[key]) entries[key] = next[key];
    if (nextOffset) entries.offset = String(nextOffset);
    setParams(entries);
  }

  const columns: Column<CompanySummary>[] = [
    {
      key: 'name', header: t('companies.colName'), rowHeader: true,
      cell: (c) => (
        <>
          <Link to={`/virksomheder/${c.id}`} state={{ search: location.search }}>{c.name}</Link>
          {c.status !== 'active' ? <> <Badge tone="warning">{t(statusKey(c.status))}</Badge></> : null}
          {c.advertisingProtected ? <> <Badge tone="danger">{t('companies.protectedShort')}</Badge></> : null}
          {c.isDemo ? <> <Badge tone="info">{t('common.demo')}</Badge></> : null}
        </>
      ),
    },
    { key: 'cvr', header: t('companies.colCvr'), cell: (c) => c.cvr ?? t('common.none') },
    { key: 'address', header: t('companies.colAddress'), cell: (c) => addressLine(c) || t('common.none') },
    { key: 'municipality', header: t('companies.colMunicipality'), cell: (c) => c.municipalityName ?? t('common.none') },
    {
      key: 'industry', header: t('companies.colIndustry'),
      cell: (c) => (c.industryCode ? `${c.industryCode} ${c.industryText ?? ''}`.trim() : t('common.none')),
    },
    {
      key: 'employees', header: t('companies.colEmployees'), numeric: true,
      cell: (c) => (c.employees !== null ? formatNumber(c.employees) : employeeBandLabel(t, c.employeeBand, formatNumber)),
    },
  ];

  const data = result.data;
  return (
    <>
      <PageHeader
        title={t('companies.title')} intro={t('companies.intro')}
        actions={<ExportMenu path="/companies" query={{ ...criteria }} total={data && !data.totalCapped ? data.total : null} />}
      />
      <CompanySearchForm value={criteria} onSearch={(c) => search(c)} municipalities={municipalities} sections={sections} />
      <section className="results" aria-label={t('companies.caption')}>
        {/* The live region stays in the page so each new count is announced. */}
        <div aria-live="polite" aria-atomic="true">
          {data ? (
            <h2 id="results-heading" className="results-count">
              {data.totalCapped ? t('companies.totalCapped', { count: formatNumber(data.total) })
                : data.total === 1 ? t('companies.totalOne') : t('companies.total', { count: formatNumber(data.total) })}
            </h2>
          ) : null}
        </div>
        {result.loading ? <Spinner label={t('app.loading')} /> : null}
        {result.error ? <Alert tone="error">{problem(result.error)}</Alert> : null}
        {data && data.items.length === 0 ? <EmptyState title={t('companies.emptyTitle')}>{t('companies.emptyBody')}</EmptyState> : null}
        {data && data.items.length > 0 ? (
          <>
            <Table caption={t('companies.caption')} captionHidden columns={columns} rows={data.items} rowKey={(c) => c.id} />
            <p className="muted">
              {t('common.showing', {
                from: formatNumber(data.offset + 1), to: formatNumber(data.offset + data.items.length), total: formatNumber(data.total),
              })}
            </p>
            <Pagination total={data.total} limit={data.limit} offset={data.offset} onChange={(o) => search(criteria, o)} />
          </>
        ) : null}
      </section>
    </>
  );
}
