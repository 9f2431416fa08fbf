import type { z } from 'zod';
import type {
  ConsultantCoverage, Coverage, CoverageCompanies, coverageCompaniesQuerySchema, CoverageMap, CoveragePoint, MunicipalityCoverage,
  TierCoverage,
} from '../../../common/engagement-coverage';
import { coverageMonths } from '../../../common/engagement-coverage';
import { compareDa } from '../../../common/text';
import type { Db } from '../../db/client';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { polygonsOf, simplifyMultiPolygon } from './coverage.map';
import * as repo from './coverage.repo';
import { todayInDenmark } from './dates';
import { listTiers, type TierRow } from './portfolio.repo';

/**
 * The dates of the monthly series, oldest first: the last day of each of the `months − 1` months before
 * today's month, then today (the current month so far).
 */
export function seriesDates(today: string, months = coverageMonths): string[] {
  const [year, month] = today.split('-').map(Number);
  const dates: string[] = [];
  for (let back = months - 1; back >= 1; back -= 1) {
    // Day 0 of a month is the last day of the month before it.
    dates.push(new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10));
  }
  dates.push(today);
  return dates;
}

const share = (covered: number, of: number) => (of > 0 ? covered / of : 0);
const progress = (covered: number, target: number | null) => (target === null ? null : target > 0 ? covered / target : 1);

interface Counts { population: number; covered: number }
const add = (into: Counts, from: Counts) => {
  into.population += from.population;
  into.covered += from.covered;
};

/** Groups the tier × consultant × municipality counts by one key, with a per-tier breakdown. */
function groupBy<K>(rows: repo.CoverageGroupRow[], tiers: TierRow[], key: (r: repo.CoverageGroupRow) => K) {
  const groups = new Map<K, { first: repo.CoverageGroupRow; total: Counts; byTier: Map<string, Counts> }>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) {
      group = { first: row, total: { population: 0, covered: 0 }, byTier: new Map(tiers.map((t) => [t.id, { population: 0, covered: 0 }])) };
      groups.set(k, group);
    }
    add(group.total, row);
    const tier = group.byTier.get(row.tier_id);
    if (tier) add(tier, row);
  }
  return [...groups.values()].map((g) => ({
    first: g.first, ...g.total, share: share(g.total.covered, g.total.population),
    byTier: [...g.byTier.entries()].map(([tierId, c]) => ({ tierId, ...c })),
  }));
}

/** Rows named null (no consultant, no municipality) go last; the rest in Danish order. */
const byName = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareDa(a, b));

/** The organisation a coverage request is about, and the organisations the actor may choose between. */
export interface CoverageScope {
  organisation: repo.OrganisationRef;
  choices: repo.OrganisationRef[];
}

/**
 * Whose coverage the actor sees: their own organisation's, or with coverage.read_all (the partnership's staff
 * and analysts) the organisation asked for. Without `requested`, a reader of all whose own organisation has no
 * tiers (the secretariat) gets the first organisation with tiers, so the dashboard has something to show.
 * Another organisation without the right: 403, whether it exists or not; outside the partnership: 404.
 */
export async function coverageScope(db: Db, actor: Actor, requested?: string): Promise<CoverageScope> {
  const asked = requested?.toLowerCase();
  if (!can(actor, 'coverage.read_all', { partnershipId: actor.partnershipId })) {
    if (asked && asked !== actor.organisationId) throw forbidden('Du kan kun se dækningen for din egen organisation.');
    const own = { id: actor.organisationId, name: await repo.organisationName(db, actor.organisationId) };
    return { organisation: own, choices: [own] };
  }
  const choices = await repo.organisationsWithTiers(db, actor.partnershipId);
  const ownHasTiers = choices.some((o) => o.id === actor.organisationId);
  const wanted = asked ?? (ownHasTiers || choices.length === 0 ? actor.organisationId : choices[0].id);
  const organisation = choices.find((o) => o.id === wanted) ?? await repo.partnershipOrganisation(db, actor.partnershipId, wanted);
  if (!organisation) throw notFound('Organisationen findes ikke i partnerskabet.');
  return { organisation, choices };
}

/** The organisation's coverage now and month by month, per tier, consultant and municipality. */
export async function coverage(db: Db, actor: Actor, scope: CoverageScope): Promise<Coverage> {
  const organisationId = scope.organisation.id;
  const today = todayInDenmark();
  const dates = seriesDates(today);
  const tiers = await listTiers(db, organisationId);
  const maxCadence = Math.max(1, ...tiers.map((t) => t.cadence_days));
  const [groups, points, mapCodes] = await Promise.all([
    repo.coverageNow(db, organisationId, today),
    repo.coverageAt(db, organisationId, dates, maxCadence),
    repo.mapMunicipalityCodes(db, actor.partnershipId, organisationId),
  ]);
  const mapAvailable = (await repo.countBoundaries(db, mapCodes)) > 0;

  const coveredAt = new Map(points.map((p) => [`${p.tier_id} ${p.date}`, p.covered]));
  const tierCounts = new Map(tiers.map((t) => [t.id, { population: 0, covered: 0 }]));
  for (const row of groups) {
    const counts = tierCounts.get(row.tier_id);
    if (counts) add(counts, row);
  }
  const tierItems: TierCoverage[] = tiers.map((t) => {
    const counts = tierCounts.get(t.id) ?? { population: 0, covered: 0 };
    const monthly: CoveragePoint[] = dates.map((date) => ({
      date, month: date.slice(0, 7), population: counts.population, covered: coveredAt.get(`${t.id} ${date}`) ?? 0,
    }));
    return {
      tierId: t.id, name: t.name, cadenceDays: t.cadence_days, targetCompanies: t.target_companies, ...counts,
      share: share(counts.covered, counts.population), targetProgress: progress(counts.covered, t.target_companies), monthly,
    };
  });
  const totals = tierItems.reduce((sum, t) => ({ population: sum.population + t.population, covered: sum.covered + t.covered }), { population: 0, covered: 0 });
  const withTarget = tierItems.filter((t) => t.targetCompanies !== null);
  const targetCompanies = withTarget.length > 0 ? withTarget.reduce((sum, t) => sum + (t.targetCompanies ?? 0), 0) : null;
  const targetCovered = withTarget.reduce((sum, t) => sum + t.covered, 0);

  const consultants: ConsultantCoverage[] = groupBy(groups, tiers, (r) => r.user_id)
    .map(({ first, ...rest }) => ({ consultant: first.user_id ? { id: first.user_id, name: first.user_name ?? '' } : null, ...rest }))
    .sort((a, b) => byName(a.consultant?.name ?? null, b.consultant?.name ?? null));
  const municipalities: MunicipalityCoverage[] = groupBy(groups, tiers, (r) => r.municipality_code)
    .map(({ first, ...rest }) => ({ code: first.municipality_code, name: first.municipality_code === null ? null : first.municipality_name ?? String(first.municipality_code), ...rest }))
    .sort((a, b) => byName(a.name, b.name));

  return {
    organisation: scope.organisation,
    organisations: scope.choices,
    date: today,
    tiers: tierItems,
    totals: {
      ...totals, targetCompanies, targetCovered, share: share(totals.covered, totals.population), targetProgress: progress(targetCovered, targetCompanies),
    },
    consultants,
    municipalities,
    mapAvailable,
  };
}

/** The companies behind a coverage figure, Danish order, a page at a time. */
export async function coverageCompanies(db: Db, scope: CoverageScope, query: z.output<typeof coverageCompaniesQuerySchema>): Promise<CoverageCompanies> {
  const today = todayInDenmark();
  const at = query.at ?? today;
  if (at > today) {
    throw badRequest('date_in_future', 'Dækningen kan kun vises for i dag eller en tidligere dato.', [{ path: 'at', message: 'Vælg dags dato eller en tidligere dato.' }]);
  }
  const limit = query.pageSize;
  const offset = (query.page - 1) * limit;
  const spec: repo.CoverageCompaniesSpec = {
    organisationId: scope.organisation.id, at, isToday: at === today, tierId: query.tier, consultant: query.consultant,
    municipality: query.municipality, covered: query.covered, limit, offset,
  };
  const rows = await repo.coverageCompanies(db, spec);
  const total = rows[0]?.total ?? (offset > 0 ? await repo.countCoverageCompanies(db, spec) : 0);
  return {
    organisation: scope.organisation,
    items: rows.map((r) => ({
      company: { id: r.company_id, name: r.company_name, cvr: r.cvr, city: r.city },
      municipality: r.municipality_code === null ? null : { code: r.municipality_code, name: r.municipality_name ?? String(r.municipality_code) },
      tier: { id: r.tier_id, name: r.tier_name, cadenceDays: r.cadence_days },
      consultant: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
      lastContactDate: r.last_contact_date, covered: r.covered, daysOverdue: r.days_overdue,
    })),
    total, limit, offset, date: at,
  };
}

/** About 100 m: plenty for a choropleth of a handful of municipalities, and a fraction of the stored points. */
const mapTolerance = 0.001;

/** The partnership's municipality boundaries, simplified, as GeoJSON for the dashboard map. */
export async function coverageMap(db: Db, actor: Actor, scope: CoverageScope): Promise<CoverageMap> {
  const codes = await repo.mapMunicipalityCodes(db, actor.partnershipId, scope.organisation.id);
  const rows = await repo.boundaries(db, codes);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature' as const,
      properties: { code: r.code, name: r.name },
      geometry: { type: 'MultiPolygon' as const, coordinates: simplifyMultiPolygon(polygonsOf(r.geometry), mapTolerance) },
    })),
  };
}
