import { Link, useSearchParams } from 'react-router';
import type { HostOffer } from '../../../common/schools';
import { Alert, Badge, EmptyState, ExportMenu, Pagination, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { themeLabel, weeksText } from './labels';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink, useSchoolYear } from './schools-nav';

const pageSize = 100;

/** "Vejlevej 12, 6000 Kolding" from the parts that are known. */
export function addressText(o: Pick<HostOffer, 'street' | 'postalCode' | 'city'>): string {
  return [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/**
 * /skoler/vaertsvirksomheder: companies' offers to host classes in the school year (weeks, classes per week, largest
 * class, themes, address, accessibility). Consultants, coordinators and company users (their own company) keep them.
 */
export function HostOffersPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const link = useHubLink();
  const [year] = useSchoolYear();
  const [params, setParams] = useSearchParams();
  const active = (params.get('aktive') ?? 'true') as 'true' | 'false' | 'all';
  const offset = Number(params.get('fra') ?? 0) || 0;
  const query = { schoolYear: year, active, limit: pageSize, offset };
  const offers = useAsync(() => schoolsApi.hostOffers(query), JSON.stringify(query));
  const writes = can('host_offer.write');

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'fra') next.delete('fra');
    setParams(next);
  };

  const columns: Column<HostOffer>[] = [
    {
      key: 'company', header: t('schools.host.company'), rowHeader: true,
      cell: (o) => (writes ? <Link to={link(`/skoler/vaertsvirksomheder/${o.id}`)}>{o.companyName}</Link> : o.companyName),
    },
    { key: 'address', header: t('schools.host.address'), cell: (o) => addressText(o) || t('common.none') },
    { key: 'weeks', header: t('schools.host.colWeeks'), cell: (o) => <span style={{ whiteSpace: 'nowrap' }}>{weeksText(o.weeks)}</span> },
    { key: 'perWeek', header: t('schools.host.colPerWeek'), numeric: true, cell: (o) => formatNumber(o.classesPerWeek) },
    { key: 'capacity', header: t('schools.host.colCapacity'), numeric: true, cell: (o) => formatNumber(o.capacity) },
    { key: 'maxPupils', header: t('schools.host.colMaxPupils'), numeric: true, cell: (o) => formatNumber(o.maxPupils) },
    { key: 'themes', header: t('schools.host.themes'), cell: (o) => o.themes.map((th) => themeLabel(locale, th)).join(', ') || t('common.none') },
    { key: 'access', header: t('schools.host.colAccessibility'), cell: (o) => o.accessibilityNotes ?? t('common.none') },
    {
      key: 'active', header: t('schools.host.colStatus'),
      cell: (o) => <Badge tone={o.active ? 'success' : 'neutral'}>{o.active ? t('common.active') : t('common.inactive')}</Badge>,
    },
  ];
  const page = offers.data;
  const capacity = page?.items.filter((o) => o.active).reduce((sum, o) => sum + o.capacity, 0) ?? 0;

  return (
    <SchoolsFrame
      title={t('schools.hosts.title')} intro={t('schools.hosts.intro')}
      actions={writes ? <Link className="btn btn-primary" to={link('/skoler/vaertsvirksomheder/ny')}>{t('schools.host.create')}</Link> : undefined}
    >
      <div className="section-tools" style={{ alignItems: 'flex-end', marginBottom: '1rem' }}>
        <div style={{ minWidth: '14rem' }}>
          <Select id="hosts-active" label={t('schools.host.filterActive')} value={active} onChange={(e) => set('aktive', e.target.value === 'true' ? '' : e.target.value)}
            options={[
              { value: 'true', label: t('schools.host.onlyActive') }, { value: 'false', label: t('schools.host.onlyInactive') },
              { value: 'all', label: t('common.all') },
            ]} />
        </div>
        <ExportMenu path="/host-offers" query={{ schoolYear: year, active }} total={page?.total} />
      </div>
      {offers.error ? <Alert tone="error">{problem(offers.error)}</Alert> : null}
      {offers.loading && !page ? <Spinner label={t('app.loading')} /> : null}
      {page ? (
        <section aria-labelledby="hosts-count">
          <h2 id="hosts-count" className="results-count" aria-live="polite">{t('schools.hosts.total', { count: formatNumber(page.total), year })}</h2>
          {page.items.length > 0 && active !== 'false' ? <p>{t('schools.hosts.capacity', { capacity: formatNumber(capacity) })}</p> : null}
          {page.items.length === 0
            ? <EmptyState title={t('schools.hosts.emptyTitle')}>{t('schools.hosts.emptyBody')}</EmptyState>
            : <Table caption={t('schools.hosts.caption', { year })} captionHidden columns={columns} rows={page.items} rowKey={(o) => o.id} />}
          <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={(o) => set('fra', o ? String(o) : '')} />
        </section>
      ) : null}
    </SchoolsFrame>
  );
}
