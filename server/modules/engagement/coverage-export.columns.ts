import type { Coverage, CoverageCompany } from '../../../common/engagement-coverage';
import type { ExportLanguage } from '../../../common/export';
import { headersIn, type ExportColumn } from '../../http/export';

/**
 * The coverage exports' columns. The dashboard's tables (per tier, in total, per month, per consultant and per
 * municipality) become one long table, one row per figure, so a single sheet holds them all and a pivot table
 * or filter in Excel takes them apart again. Only counts: no company is named (analysts may export it).
 */

type Pair = readonly [da: string, en: string];
const pick = (lang: ExportLanguage, pair: Pair) => pair[lang === 'en' ? 1 : 0];

export type CoverageBreakdown = 'tier' | 'total' | 'month' | 'consultant' | 'municipality';

export interface CoverageExportRow {
  organisation: string;
  breakdown: CoverageBreakdown;
  /** The consultant's or municipality's name, the tier's name, or the month's date; null: no consultant / unknown municipality. */
  group: string | null;
  municipalityCode: number | null;
  /** null: all tiers together. */
  tier: string | null;
  cadenceDays: number | null;
  /** The day the figure is for: today, or a month's last day. */
  date: string;
  population: number;
  covered: number;
  target: number | null;
  targetProgress: number | null;
}

const breakdowns: Record<CoverageBreakdown, Pair> = {
  tier: ['Kontaktniveau', 'Contact tier'], total: ['I alt', 'Total'], month: ['Måned', 'Month'],
  consultant: ['Ansvarlig konsulent', 'Responsible consultant'], municipality: ['Kommune', 'Municipality'],
};
const allTiers: Pair = ['Alle niveauer', 'All tiers'];
const noConsultant: Pair = ['Ingen ansvarlig', 'No responsible consultant'];
const noMunicipality: Pair = ['Ukendt kommune', 'Unknown municipality'];
const monthNames = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
/** A share as a percentage with one decimal (Excel shows 33,3). */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** Every figure of the dashboard as a row: tiers, the total, each tier's months, consultants and municipalities (with their tiers). */
export function coverageExportRows(data: Coverage): CoverageExportRow[] {
  const organisation = data.organisation.name;
  const tierById = new Map(data.tiers.map((t) => [t.tierId, t]));
  const base = { organisation, municipalityCode: null, target: null, targetProgress: null, date: data.date };
  const rows: CoverageExportRow[] = data.tiers.map((t) => ({
    ...base, breakdown: 'tier', group: t.name, tier: t.name, cadenceDays: t.cadenceDays, population: t.population, covered: t.covered,
    target: t.targetCompanies, targetProgress: t.targetProgress,
  }));
  rows.push({
    ...base, breakdown: 'total', group: null, tier: null, cadenceDays: null, population: data.totals.population, covered: data.totals.covered,
    target: data.totals.targetCompanies, targetProgress: data.totals.targetProgress,
  });
  for (const t of data.tiers) {
    for (const p of t.monthly) {
      rows.push({ ...base, breakdown: 'month', group: p.date, tier: t.name, cadenceDays: t.cadenceDays, date: p.date, population: p.population, covered: p.covered });
    }
  }
  const groups = [
    ...data.consultants.map((c) => ({ breakdown: 'consultant' as const, group: c.consultant?.name ?? null, code: null, row: c })),
    ...data.municipalities.map((m) => ({ breakdown: 'municipality' as const, group: m.name, code: m.code, row: m })),
  ];
  for (const { breakdown, group, code, row } of groups) {
    const common = { ...base, breakdown, group, municipalityCode: code };
    rows.push({ ...common, tier: null, cadenceDays: null, population: row.population, covered: row.covered });
    for (const b of row.byTier) {
      const tier = tierById.get(b.tierId);
      // A tier without companies in the group is a dash on the dashboard: no row.
      if (tier && b.population > 0) rows.push({ ...common, tier: tier.name, cadenceDays: tier.cadenceDays, population: b.population, covered: b.covered });
    }
  }
  return rows;
}

function groupLabel(lang: ExportLanguage, r: CoverageExportRow): string {
  if (r.breakdown === 'month' && r.group) return monthNames[lang].format(new Date(`${r.group}T00:00:00Z`));
  if (r.breakdown === 'total') return pick(lang, allTiers);
  if (r.group !== null) return r.group;
  return pick(lang, r.breakdown === 'consultant' ? noConsultant : noMunicipality);
}

export function coverageColumns(lang: ExportLanguage): ExportColumn<CoverageExportRow>[] {
  const h = headersIn(lang, {
    organisation: ['Organisation', 'Organisation'], breakdown: ['Opdeling', 'Breakdown'], group: ['Gruppe', 'Group'],
    code: ['Kommunekode', 'Municipality code'], tier: ['Kontaktniveau', 'Contact tier'], cadence: ['Kadence (dage)', 'Cadence (days)'],
    date: ['Opgjort', 'As of'], population: ['Virksomheder', 'Companies'], covered: ['Dækket', 'Covered'],
    share: ['Andel dækket (%)', 'Share covered (%)'], target: ['Mål', 'Target'], progress: ['Af målet (%)', 'Of target (%)'],
  });
  return [
    { key: 'organisation', header: h.organisation, value: (r) => r.organisation },
    { key: 'breakdown', header: h.breakdown, value: (r) => pick(lang, breakdowns[r.breakdown]) },
    { key: 'group', header: h.group, value: (r) => groupLabel(lang, r) },
    { key: 'code', header: h.code, value: (r) => r.municipalityCode, kind: 'number' },
    { key: 'tier', header: h.tier, value: (r) => r.tier ?? pick(lang, allTiers) },
    { key: 'cadence', header: h.cadence, value: (r) => r.cadenceDays, kind: 'number' },
    { key: 'date', header: h.date, value: (r) => r.date, kind: 'date' },
    { key: 'population', header: h.population, value: (r) => r.population, kind: 'number' },
    { key: 'covered', header: h.covered, value: (r) => r.covered, kind: 'number' },
    { key: 'share', header: h.share, value: (r) => percent(r.covered, r.population), kind: 'number' },
    { key: 'target', header: h.target, value: (r) => r.target, kind: 'number' },
    { key: 'progress', header: h.progress, value: (r) => (r.targetProgress === null ? null : Math.round(r.targetProgress * 1000) / 10), kind: 'number' },
  ];
}

/** A company behind a figure, with the date its coverage was judged at. */
export type CoverageCompanyExportRow = CoverageCompany & { date: string };

export function coverageCompanyColumns(lang: ExportLanguage): ExportColumn<CoverageCompanyExportRow>[] {
  const h = headersIn(lang, {
    company: ['Virksomhed', 'Company'], cvr: ['CVR-nummer', 'CVR number'], city: ['By', 'City'], municipality: ['Kommune', 'Municipality'],
    tier: ['Kontaktniveau', 'Contact tier'], cadence: ['Kadence (dage)', 'Cadence (days)'], consultant: ['Ansvarlig konsulent', 'Responsible consultant'],
    last: ['Seneste kontakt', 'Last contact'], covered: ['Dækket', 'Covered'], days: ['Dage over tid', 'Days overdue'], date: ['Opgjort', 'As of'],
  });
  const yesNo = (v: boolean) => pick(lang, v ? ['Ja', 'Yes'] : ['Nej', 'No']);
  return [
    { key: 'company', header: h.company, value: (r) => r.company.name },
    { key: 'cvr', header: h.cvr, value: (r) => r.company.cvr, kind: 'text' },
    { key: 'city', header: h.city, value: (r) => r.company.city },
    { key: 'municipality', header: h.municipality, value: (r) => r.municipality?.name ?? pick(lang, noMunicipality) },
    { key: 'tier', header: h.tier, value: (r) => r.tier.name },
    { key: 'cadence', header: h.cadence, value: (r) => r.tier.cadenceDays, kind: 'number' },
    { key: 'consultant', header: h.consultant, value: (r) => r.consultant?.name ?? pick(lang, noConsultant) },
    { key: 'last', header: h.last, value: (r) => r.lastContactDate, kind: 'date' },
    { key: 'covered', header: h.covered, value: (r) => yesNo(r.covered) },
    { key: 'days', header: h.days, value: (r) => r.daysOverdue, kind: 'number' },
    { key: 'date', header: h.date, value: (r) => r.date, kind: 'date' },
  ];
}
