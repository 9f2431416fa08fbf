import { Link, useSearchParams } from 'react-router';
import { agreementStatuses, type Agreement, type AgreementStatus } from '../../../common/schools';
import { Alert, Badge, EmptyState, ExportMenu, Pagination, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { AgreementDashboard } from './agreement-dashboard';
import { activityLabel, agreementStatusLabel, periodText } from './labels';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink, useSchoolYear } from './schools-nav';

const pageSize = 100;
const statusTone = (s: AgreementStatus) => (s === 'active' ? 'success' : s === 'planned' ? 'info' : 'neutral');

/** /skoler/aftaler: the dashboard per municipality against the target, and the register of agreements. */
export function AgreementsPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const link = useHubLink();
  const [year] = useSchoolYear();
  const [params, setParams] = useSearchParams();
  const municipality = params.get('kommune') ?? '';
  const status = (params.get('status') ?? '') as AgreementStatus | '';
  const offset = Number(params.get('fra') ?? 0) || 0;
  const query = { municipality: municipality ? Number(municipality) : undefined, status: status || undefined, limit: pageSize, offset };
  const dashboard = useAsync(() => schoolsApi.dashboard(year), `dashboard-${year}`);
  const agreements = useAsync(() => schoolsApi.agreements(query), JSON.stringify(query));
  const writes = can('agreement.write');

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'fra') next.delete('fra');
    setParams(next);
  };
  const columns: Column<Agreement>[] = [
    {
      key: 'party', header: t('schools.agreement.party'), rowHeader: true,
      cell: (a) => (writes ? <Link to={link(`/skoler/aftaler/${a.id}`)}>{a.partyName}</Link> : a.partyName),
    },
    { key: 'company', header: t('schools.agreement.company'), cell: (a) => a.companyName },
    { key: 'municipality', header: t('schools.municipality'), cell: (a) => a.municipalityName ?? String(a.municipalityCode) },
    { key: 'grades', header: t('schools.agreement.gradeLevels'), cell: (a) => a.gradeLevels.join(', ') || t('common.none') },
    { key: 'activities', header: t('schools.agreement.activities'), cell: (a) => a.activities.map((x) => activityLabel(locale, x)).join(', ') },
    { key: 'period', header: t('schools.agreement.period'), cell: (a) => <span style={{ whiteSpace: 'nowrap' }}>{periodText(locale, a.periodFrom, a.periodTo, t('schools.agreement.openEnded'))}</span> },
    { key: 'status', header: t('schools.agreement.status'), cell: (a) => <Badge tone={statusTone(a.status)}>{agreementStatusLabel(locale, a.status)}</Badge> },
    { key: 'contacts', header: t('schools.agreement.contacts'), cell: (a) => [a.schoolContact, a.companyContact].filter(Boolean).join(' · ') || t('common.none') },
  ];
  const page = agreements.data;

  return (
    <SchoolsFrame title={t('schools.agreements.title')} intro={t('schools.agreements.intro')}
      actions={writes ? <Link className="btn btn-primary" to={link('/skoler/aftaler/ny')}>{t('schools.agreement.create')}</Link> : undefined}>
      <section aria-labelledby="dashboard-heading">
        <h2 id="dashboard-heading" style={{ marginTop: 0 }}>{t('schools.dashboard.heading', { target: dashboard.data?.target ?? 3 })}</h2>
        {dashboard.error ? <Alert tone="error">{problem(dashboard.error)}</Alert> : null}
        {dashboard.loading && !dashboard.data ? <Spinner label={t('app.loading')} /> : null}
        {dashboard.data ? <AgreementDashboard data={dashboard.data} /> : null}
      </section>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t('schools.agreements.register')}</h2>
        <div className="section-tools" style={{ alignItems: 'flex-end', marginBottom: '1rem' }}>
          <div className="filters filters-inline" style={{ flex: 1 }}>
            <Select id="agreements-municipality" label={t('schools.municipality')} emptyLabel={t('common.all')} value={municipality}
              onChange={(e) => set('kommune', e.target.value)}
              options={(dashboard.data?.municipalities ?? []).map((m) => ({ value: String(m.municipalityCode), label: m.municipalityName }))} />
            <Select id="agreements-status" label={t('schools.agreement.status')} emptyLabel={t('common.all')} value={status} onChange={(e) => set('status', e.target.value)}
              options={agreementStatuses.map((s) => ({ value: s, label: agreementStatusLabel(locale, s) }))} />
          </div>
          <ExportMenu path="/agreements" query={{ municipality: municipality || undefined, status: status || undefined }} total={page?.total} />
        </div>
        {agreements.error ? <Alert tone="error">{problem(agreements.error)}</Alert> : null}
        {agreements.loading && !page ? <Spinner label={t('app.loading')} /> : null}
        {page ? (
          <>
            <p className="results-count" aria-live="polite">{t('schools.agreements.total', { count: formatNumber(page.total) })}</p>
            {page.items.length === 0
              ? <EmptyState title={t('schools.agreements.emptyTitle')}>{t('schools.agreements.emptyBody')}</EmptyState>
              : <Table caption={t('schools.agreements.caption')} captionHidden columns={columns} rows={page.items} rowKey={(a) => a.id} />}
            <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={(o) => set('fra', o ? String(o) : '')} />
          </>
        ) : null}
      </section>
    </SchoolsFrame>
  );
}
