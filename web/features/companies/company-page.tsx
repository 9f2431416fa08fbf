import { useEffect, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { CompanyDetail } from '../../../common/companies';
import { Alert, Badge, PageHeader, Spinner, Table, type Column } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { apiGet } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { addressLine, employeeBandLabel, statusKey } from './labels';

type ProductionUnit = CompanyDetail['productionUnits'][number];

const sourceKeys: Record<CompanyDetail['source'], MessageKey> = {
  cvr: 'company.sourceCvr', manual: 'company.sourceManual', demo: 'company.sourceDemo',
};

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}><dt>{term}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}

/**
 * /virksomheder/:id: one company's master data and production units. `panels` lets web/app add other
 * features' sections (e.g. engagement) below them without this feature importing those.
 */
export function CompanyPage({ panels }: { panels?(company: { id: string; name: string }): ReactNode } = {}) {
  const { id = '' } = useParams();
  const { t, problem, formatDate, formatNumber } = useT();
  const company = useAsync(() => apiGet<CompanyDetail>(`/companies/${encodeURIComponent(id)}`).then((d) => ({ ...d, requestedId: id })), id);
  const c = company.data;
  const navigate = useNavigate();
  // A merged company's id answers with a redirect to the company it was merged into: show that one's address.
  useEffect(() => { if (c && c.requestedId === id && c.id !== id) navigate(`/virksomheder/${c.id}`, { replace: true }); }, [c, id, navigate]);
  const none = t('common.none');
  // The search page passes its query along, so "back" returns to the same results.
  const backSearch = (useLocation().state as { search?: string } | null)?.search ?? '';

  const unitColumns: Column<ProductionUnit>[] = [
    { key: 'p', header: t('company.colPNumber'), cell: (u) => u.pNumber },
    { key: 'name', header: t('company.colName'), rowHeader: true, cell: (u) => u.name },
    { key: 'address', header: t('company.colAddress'), cell: (u) => addressLine(u) || none },
    { key: 'municipality', header: t('company.colMunicipality'), cell: (u) => u.municipalityName ?? none },
    { key: 'industry', header: t('company.colIndustry'), cell: (u) => (u.industryCode ? `${u.industryCode} ${u.industryText ?? ''}`.trim() : none) },
    { key: 'employees', header: t('company.colEmployees'), numeric: true, cell: (u) => formatNumber(u.employees) },
    {
      key: 'status', header: t('company.colStatus'),
      cell: (u) => (
        <>
          {t(statusKey(u.status))}
          {u.advertisingProtected ? <> <Badge tone="danger">{t('companies.protectedShort')}</Badge></> : null}
        </>
      ),
    },
  ];

  return (
    <>
      <p className="back-link"><Link to={`/virksomheder${backSearch}`}>← {t('company.back')}</Link></p>
      {company.loading && !c ? <Spinner label={t('app.loading')} /> : null}
      {company.error ? <Alert tone="error">{problem(company.error)}</Alert> : null}
      {c ? (
        <>
          <PageHeader title={c.name}>
            <p className="badges">
              <Badge tone={c.status === 'active' ? 'success' : 'warning'}>{t(statusKey(c.status))}</Badge>
              {c.cvr ? <Badge>{`CVR ${c.cvr}`}</Badge> : null}
              {c.isDemo ? <Badge tone="info">{t('company.demo')}</Badge> : null}
            </p>
          </PageHeader>
          {c.advertisingProtected ? (
            <div className="notice-protected" role="note">
              <strong>{t('company.protected')}</strong>
            </div>
          ) : null}
          <section aria-labelledby="master-data" className="card">
            <h2 id="master-data">{t('company.masterData')}</h2>
            <Facts rows={[
              [t('company.cvr'), c.cvr ?? none],
              [t('company.legalForm'), c.legalForm ?? none],
              [t('company.status'), t(statusKey(c.status))],
              [t('company.address'), addressLine(c) || none],
              [t('company.municipality'), c.municipalityName ?? none],
              [t('company.industry'), c.industryCode ? `${c.industryCode} ${c.industryText ?? ''} (${c.industryClassification})` : none],
              [t('company.industrySection'), c.industrySection ? `${c.industrySection} ${c.industrySectionText ?? ''}` : none],
              [t('company.secondaryIndustries'), c.secondaryIndustries.length
                ? c.secondaryIndustries.map((s) => `${s.code} ${s.text ?? ''}`.trim()).join('; ') : none],
              [t('company.employees'), c.employees !== null
                ? `${formatNumber(c.employees)} (${employeeBandLabel(t, c.employeeBand, formatNumber)})`
                : employeeBandLabel(t, c.employeeBand, formatNumber)],
              [t('company.phone'), c.phone ?? none],
              [t('company.email'), c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none],
              [t('company.startDate'), formatDate(c.startDate)],
              ...(c.endDate ? [[t('company.endDate'), formatDate(c.endDate)] as [string, ReactNode]] : []),
              ...(c.secondaryNames.length ? [[t('company.secondaryNames'), c.secondaryNames.join(', ')] as [string, ReactNode]] : []),
              [t('company.source'), t(sourceKeys[c.source])],
              [t('company.updated'), formatDate(c.cvrUpdatedAt ?? c.updatedAt, true)],
            ]} />
          </section>
          <section aria-labelledby="punits">
            <h2 id="punits">{t('company.punits')}</h2>
            {c.productionUnits.length === 0
              ? <p>{t('company.punitsNone')}</p>
              : <Table caption={t('company.punitsCaption', { name: c.name })} columns={unitColumns} rows={c.productionUnits} rowKey={(u) => u.id} />}
          </section>
          {panels?.({ id: c.id, name: c.name })}
        </>
      ) : null}
    </>
  );
}
