import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Coverage, CoverageMap } from '../../../common/engagement-coverage';
import { Alert, EmptyState, ExportMenu, PageHeader, Select, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { companiesLink, coverageApi, type CoverageFilter } from './coverage-api';
import { CoverageGauges, CoverageOrganisationContext, usePercent } from './coverage-gauges';
import { ConsultantTable, MonthlyTable, MunicipalityTable } from './coverage-tables';
import { formatDay } from './labels';

// ECharts is a large library: it is fetched only when a chart is about to be drawn.
const MonthlyChart = lazy(() => import('./coverage-charts').then((m) => ({ default: m.MonthlyChart })));
const CoverageMapChart = lazy(() => import('./coverage-charts').then((m) => ({ default: m.CoverageMapChart })));

const toolsStyle = { alignItems: 'flex-end', marginBottom: '1.5rem' } as const;

const monthFormats = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * /daekning: contact coverage against the organisation's targets, now, month by month, per consultant and municipality.
 * `?organisation=` shows another organisation of the partnership to those who may read them all (analysts, secretariat).
 */
export function CoveragePage() {
  const { t, problem, locale, formatNumber: n } = useT();
  const { can, user } = useSession();
  const navigate = useNavigate();
  const percent = usePercent();
  const [params, setParams] = useSearchParams();
  const requested = params.get('organisation') || undefined;
  const state = useAsync(() => coverageApi.coverage(requested), `coverage-${requested ?? ''}`);
  const data = state.data;
  // Links and exports name the organisation only when it is not the user's own.
  const shown = data && data.organisation.id !== user?.organisation.id ? data.organisation.id : undefined;
  const monthLabel = (date: string) => monthFormats[locale].format(new Date(`${date}T00:00:00Z`));
  const go = (filter: CoverageFilter) => { if (can('coverage.companies')) navigate(companiesLink({ organisation: shown, ...filter })); };

  function choose(id: string) {
    const next = new URLSearchParams(params);
    // The user's own organisation is the default only when it has tiers (otherwise the server shows the first that has).
    if (id === user?.organisation.id && data?.organisations.some((o) => o.id === id)) next.delete('organisation');
    else next.set('organisation', id);
    setParams(next);
  }

  return (
    <CoverageOrganisationContext.Provider value={shown}>
      <PageHeader
        title={t('coverage.title')}
        intro={data ? t('coverage.intro', { organisation: data.organisation.name, date: formatDay(locale, data.date) }) : undefined}
        actions={can('tier.read') ? <Link to="/kontaktniveauer">{t('coverage.manageTiers')}</Link> : undefined}
      >
        <p className="muted small">{t(shown ? 'coverage.definitionOther' : 'coverage.definition')}</p>
      </PageHeader>
      {data ? (
        // The export sits at the right, so its menu (anchored to the button's right edge) opens inside the page.
        <div className="section-tools" style={toolsStyle}>
          <OrganisationChoice data={data} onChoose={choose} />
          {data.tiers.length > 0 ? (
            <div style={{ marginLeft: 'auto' }}>
              <ExportMenu path="/engagement/coverage" query={{ organisation: shown }} label={t('coverage.export')} />
            </div>
          ) : null}
        </div>
      ) : null}
      {state.error ? <Alert tone="error">{problem(state.error)}</Alert> : null}
      {state.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data && data.tiers.length === 0 ? (
        <EmptyState title={shown ? t('coverage.emptyOtherTitle', { organisation: data.organisation.name }) : t('coverage.emptyTitle')}>
          {t('coverage.emptyBody')}
        </EmptyState>
      ) : null}
      {data && data.tiers.length > 0 ? (
        <>
          <section aria-labelledby="coverage-now">
            <h2 id="coverage-now">{t('coverage.nowHeading')}</h2>
            <p>
              {t('coverage.totalsShare', { covered: n(data.totals.covered), population: n(data.totals.population), share: percent(data.totals.share) })}
              {data.totals.targetCompanies === null ? null : ` ${t('coverage.totalsTarget', {
                covered: n(data.totals.targetCovered), target: n(data.totals.targetCompanies), progress: percent(data.totals.targetProgress ?? 0),
              })}`}
            </p>
            <CoverageGauges tiers={data.tiers} />
          </section>

          <section aria-labelledby="coverage-monthly">
            <h2 id="coverage-monthly">{t('coverage.monthlyHeading')}</h2>
            <p className="muted small">{t('coverage.monthlyHelp')}</p>
            <Suspense fallback={<Spinner label={t('coverage.chartLoading')} />}>
              <MonthlyChart
                tiers={data.tiers} monthLabel={monthLabel} label={t('coverage.monthlyChartLabel')}
                targetLabel={(name) => t('coverage.targetLine', { name })}
                onPoint={(tier, date) => go({ tier: tier.tierId, at: date, covered: 'true' })}
              />
            </Suspense>
            <MonthlyTable tiers={data.tiers} monthLabel={monthLabel} />
          </section>

          <section aria-labelledby="coverage-consultants">
            <h2 id="coverage-consultants">{t('coverage.consultantsHeading')}</h2>
            <ConsultantTable rows={data.consultants} tiers={data.tiers} />
          </section>

          <MunicipalitySection data={data} organisation={shown} onMunicipality={(code) => go({ municipality: String(code) })} />
        </>
      ) : null}
    </CoverageOrganisationContext.Provider>
  );
}

/** The organisation select, for those who may choose between organisations (the partnership's with tiers). */
function OrganisationChoice({ data, onChoose }: { data: Coverage; onChoose(id: string): void }) {
  const { t } = useT();
  if (!data.organisations.some((o) => o.id !== data.organisation.id)) return null;
  const choices = data.organisations.some((o) => o.id === data.organisation.id) ? data.organisations : [data.organisation, ...data.organisations];
  return (
    <div style={{ minWidth: '18rem' }}>
      <Select
        id="coverage-organisation" label={t('coverage.organisation')} hint={t('coverage.organisationHint')}
        value={data.organisation.id} onChange={(e) => onChoose(e.target.value)}
        options={choices.map((o) => ({ value: o.id, label: o.name }))}
      />
    </div>
  );
}

function MunicipalitySection({ data, organisation, onMunicipality }: { data: Coverage; organisation?: string; onMunicipality(code: number): void }) {
  const { t, problem, formatNumber: n } = useT();
  const percent = usePercent();
  const map = useAsync<CoverageMap | null>(
    () => (data.mapAvailable ? coverageApi.map(organisation) : Promise.resolve(null)), `coverage-map-${data.mapAvailable}-${organisation ?? ''}`,
  );
  const rows = useMemo(() => data.municipalities, [data]);
  return (
    <section aria-labelledby="coverage-municipalities">
      <h2 id="coverage-municipalities">{t('coverage.municipalitiesHeading')}</h2>
      {!data.mapAvailable ? (
        <Alert tone="info" title={t('coverage.mapMissingTitle')}>
          <p>{t('coverage.mapMissingBody')}</p>
          <p><code>npx samspil import kommuner-geojson dk_kommuner.geojson</code></p>
        </Alert>
      ) : null}
      {map.error ? <Alert tone="error">{problem(map.error)}</Alert> : null}
      {map.data && map.data.features.length > 0 ? (
        <Suspense fallback={<Spinner label={t('coverage.chartLoading')} />}>
          <p className="muted small">{t('coverage.mapHelp')}</p>
          <CoverageMapChart
            map={map.data} rows={rows} label={t('coverage.mapLabel')}
            shareLabel={(row) => t('coverage.mapTooltip', { covered: n(row.covered), population: n(row.population), share: percent(row.share) })}
            onMunicipality={onMunicipality}
          />
        </Suspense>
      ) : null}
      <MunicipalityTable rows={rows} tiers={data.tiers} />
    </section>
  );
}
