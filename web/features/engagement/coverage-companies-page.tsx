import { Link, useSearchParams } from 'react-router';
import type { CoverageCompany } from '../../../common/engagement-coverage';
import { Alert, Badge, EmptyState, ExportMenu, PageHeader, Pagination, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { toQuery } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { coverageApi, coverageFilterKeys, coveragePageSize, type CoverageFilter } from './coverage-api';
import { daysLabel, formatDay } from './labels';

function filterFrom(params: URLSearchParams): CoverageFilter {
  const filter: CoverageFilter = {};
  for (const key of coverageFilterKeys) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  if (filter.covered !== 'true' && filter.covered !== 'false') delete filter.covered;
  return filter;
}

/** /daekning/virksomheder: the companies behind a coverage figure, in Danish order, with last contact and days overdue. */
export function CoverageCompaniesPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const key = JSON.stringify([filter, page]);
  const list = useAsync(() => coverageApi.companies(filter, page), `coverage-companies-${key}`);
  const tiers = useAsync(() => coverageApi.tiers(), 'coverage-tiers');
  const data = list.data;
  const first = data?.items[0];

  const tierName = tiers.data?.items.find((x) => x.id === filter.tier)?.name ?? first?.tier.name;
  const consultantName = filter.consultant === 'none' ? t('coverage.noConsultant') : first?.consultant?.name;
  const municipalityName = filter.municipality === 'none' ? t('coverage.noMunicipality') : first?.municipality?.name ?? filter.municipality;
  const otherOrganisation = data && data.organisation.id !== user?.organisation.id ? data.organisation.name : null;
  const described = [
    otherOrganisation ? t('coverage.filterOrganisation', { name: otherOrganisation }) : null,
    filter.tier ? t('coverage.filterTier', { name: tierName ?? '…' }) : t('coverage.filterAllTiers'),
    filter.consultant ? t('coverage.filterConsultant', { name: consultantName ?? '…' }) : null,
    filter.municipality ? t('coverage.filterMunicipality', { name: municipalityName ?? '…' }) : null,
    t('coverage.filterAt', { date: formatDay(locale, data?.date ?? filter.at ?? null, t('coverage.today')) }),
  ].filter(Boolean).join(' · ');

  function update(changes: Partial<Record<'covered' | 'page', string | null>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  const columns: Column<CoverageCompany>[] = [
    { key: 'company', header: t('coverage.colCompany'), rowHeader: true, cell: (r) => <Link to={`/virksomheder/${r.company.id}`}>{r.company.name}</Link> },
    { key: 'cvr', header: t('companies.colCvr'), cell: (r) => r.company.cvr ?? t('common.none') },
    { key: 'municipality', header: t('coverage.colMunicipality'), cell: (r) => r.municipality?.name ?? t('common.none') },
    { key: 'tier', header: t('worklist.colTier'), cell: (r) => r.tier.name },
    { key: 'consultant', header: t('coverage.colConsultant'), cell: (r) => r.consultant?.name ?? t('coverage.noConsultant') },
    { key: 'last', header: t('worklist.colLastContact'), cell: (r) => formatDay(locale, r.lastContactDate, t('worklist.never')) },
    {
      key: 'status', header: t('coverage.colStatus'),
      cell: (r) => (r.covered
        ? <Badge tone="success">{t('coverage.covered')}</Badge>
        : <>{daysLabel(t, r.daysOverdue)} <Badge tone="danger">{t('coverage.notCovered')}</Badge></>),
    },
  ];

  return (
    <>
      <p className="back-link"><Link to={`/daekning${toQuery({ organisation: filter.organisation })}`}>{t('coverage.back')}</Link></p>
      <PageHeader
        title={t('coverage.companiesTitle')} intro={described}
        actions={<ExportMenu path="/engagement/coverage/companies" query={{ ...filter }} total={data?.total} />}
      />
      <div className="filters-inline card">
        <Select
          id="coverage-covered" label={t('coverage.filterCovered')} value={filter.covered ?? ''}
          onChange={(e) => update({ covered: e.target.value || null })}
          emptyLabel={t('coverage.filterCoveredAll')}
          options={[{ value: 'false', label: t('coverage.notCovered') }, { value: 'true', label: t('coverage.covered') }]}
        />
      </div>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data ? (
        <h2 className="results-count">
          {data.total === 1 ? t('coverage.companiesTotalOne') : t('coverage.companiesTotal', { count: formatNumber(data.total) })}
        </h2>
      ) : null}
      {data && data.items.length === 0 ? <EmptyState title={t('coverage.companiesEmpty')} /> : null}
      {data && data.items.length > 0 ? (
        <>
          <Table caption={t('coverage.companiesCaption')} columns={columns} rows={data.items} rowKey={(r) => r.company.id} />
          <Pagination
            total={data.total} limit={coveragePageSize} offset={data.offset}
            onChange={(offset) => update({ page: offset > 0 ? String(Math.floor(offset / coveragePageSize) + 1) : null })}
          />
        </>
      ) : null}
    </>
  );
}
