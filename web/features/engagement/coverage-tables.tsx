import type { ConsultantCoverage, MunicipalityCoverage, TierCoverage } from '../../../common/engagement-coverage';
import { Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { CoverageFilter } from './coverage-api';
import { FigureLink, usePercent } from './coverage-gauges';

type Counts = { population: number; covered: number };

/** "12 af 40 (30 %)": the covered count links to the covered companies, the total to all of them. */
function CountsCell({ counts, filter }: { counts: Counts; filter: CoverageFilter }) {
  const { t, formatNumber } = useT();
  const percent = usePercent();
  if (counts.population === 0) return <>{t('common.none')}</>;
  return (
    <>
      <FigureLink filter={{ ...filter, covered: 'true' }}>{formatNumber(counts.covered)}</FigureLink>
      {` ${t('coverage.of')} `}
      <FigureLink filter={filter}>{formatNumber(counts.population)}</FigureLink>
      {` (${percent(counts.covered / counts.population)})`}
    </>
  );
}

/** The monthly series as a table: the line chart's text alternative, with each figure linking to its companies. */
export function MonthlyTable({ tiers, monthLabel }: { tiers: TierCoverage[]; monthLabel(date: string): string }) {
  const { t } = useT();
  const rows = tiers[0]?.monthly.map((p, i) => ({ date: p.date, index: i })) ?? [];
  const columns: Column<{ date: string; index: number }>[] = [
    { key: 'month', header: t('coverage.colMonth'), rowHeader: true, cell: (r) => monthLabel(r.date) },
    ...tiers.map((tier): Column<{ date: string; index: number }> => ({
      key: tier.tierId, header: tier.name, numeric: true,
      cell: (r) => <CountsCell counts={tier.monthly[r.index]} filter={{ tier: tier.tierId, at: r.date }} />,
    })),
  ];
  return <Table caption={t('coverage.monthlyCaption')} columns={columns} rows={rows} rowKey={(r) => r.date} />;
}

function byTierColumns<T extends { byTier: { tierId: string; population: number; covered: number }[] }>(
  tiers: TierCoverage[], filterOf: (row: T) => CoverageFilter,
): Column<T>[] {
  return tiers.map((tier) => ({
    key: tier.tierId, header: tier.name, numeric: true,
    cell: (row: T) => {
      const counts = row.byTier.find((b) => b.tierId === tier.tierId) ?? { population: 0, covered: 0 };
      return <CountsCell counts={counts} filter={{ ...filterOf(row), tier: tier.tierId }} />;
    },
  }));
}

export function ConsultantTable({ rows, tiers }: { rows: ConsultantCoverage[]; tiers: TierCoverage[] }) {
  const { t } = useT();
  const filterOf = (r: ConsultantCoverage): CoverageFilter => ({ consultant: r.consultant?.id ?? 'none' });
  const columns: Column<ConsultantCoverage>[] = [
    { key: 'name', header: t('coverage.colConsultant'), rowHeader: true, cell: (r) => r.consultant?.name ?? t('coverage.noConsultant') },
    ...byTierColumns<ConsultantCoverage>(tiers, filterOf),
    { key: 'total', header: t('coverage.colTotal'), numeric: true, cell: (r) => <CountsCell counts={r} filter={filterOf(r)} /> },
  ];
  return <Table caption={t('coverage.consultantsCaption')} columns={columns} rows={rows} rowKey={(r) => r.consultant?.id ?? 'none'} />;
}

export function MunicipalityTable({ rows, tiers }: { rows: MunicipalityCoverage[]; tiers: TierCoverage[] }) {
  const { t } = useT();
  const filterOf = (r: MunicipalityCoverage): CoverageFilter => ({ municipality: r.code === null ? 'none' : String(r.code) });
  const columns: Column<MunicipalityCoverage>[] = [
    { key: 'name', header: t('coverage.colMunicipality'), rowHeader: true, cell: (r) => r.name ?? t('coverage.noMunicipality') },
    ...byTierColumns<MunicipalityCoverage>(tiers, filterOf),
    { key: 'total', header: t('coverage.colTotal'), numeric: true, cell: (r) => <CountsCell counts={r} filter={filterOf(r)} /> },
  ];
  return <Table caption={t('coverage.municipalitiesCaption')} columns={columns} rows={rows} rowKey={(r) => String(r.code ?? 'none')} />;
}
