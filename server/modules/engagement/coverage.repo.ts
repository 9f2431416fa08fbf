import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/*
 * Contact coverage (DESIGN.md, KPIs): a company in tier T of organisation O is covered at date d when O had a
 * non-deleted interaction with it in (d − T.cadence_days, d]. Every query starts from the organisation's
 * tier members (company_tiers, by primary key prefix), so the cost follows the organisation's portfolio.
 */

/** A Postgres date[] literal: drizzle would expand a JS array into a parameter list. */
const dateArray = (dates: readonly string[]) => `{${dates.join(',')}}`;

export interface CoverageGroupRow {
  tier_id: string;
  user_id: string | null;
  user_name: string | null;
  municipality_code: number | null;
  municipality_name: string | null;
  population: number;
  covered: number;
}

/**
 * Coverage today, grouped by tier × responsible consultant × municipality (a few hundred rows at most), from
 * company_last_contacts: one row per member instead of its interaction history.
 */
export function coverageNow(db: Db, organisationId: string, today: string): Promise<CoverageGroupRow[]> {
  return queryRows<CoverageGroupRow>(db, sql`
    with m as materialized (${members(organisationId)}),
    g as (
      select m.tier_id, m.user_id, m.municipality_code, count(*)::int as population,
        count(*) filter (where m.last_contact_date > ${today}::date - m.cadence_days)::int as covered
      from m group by m.tier_id, m.user_id, m.municipality_code
    )
    select g.tier_id, g.user_id, u.name as user_name, g.municipality_code, mu.name as municipality_name, g.population, g.covered
    from g left join users u on u.id = g.user_id left join municipalities mu on mu.code = g.municipality_code`);
}

/**
 * The organisation's tier members with what every coverage figure needs: tier, cadence, responsible consultant,
 * last contact and municipality. Materialised by its callers, so the planner starts from the members (primary-key
 * range of company_tiers) and looks each company up by id (`offset 0` keeps that lookup a nested loop) instead of
 * walking all companies of the register.
 */
function members(organisationId: string, lastContact?: SQL) {
  return sql`
    select ct.company_id, ct.tier_id, t.cadence_days, r.user_id, c.municipality_code, c.sort_key,
      ${lastContact ?? sql`lc.last_contact_date`} as last_contact_date
    from company_tiers ct
    join contact_tiers t on t.id = ct.tier_id
    left join company_responsibles r on r.organisation_id = ct.organisation_id and r.company_id = ct.company_id
    left join company_last_contacts lc on lc.organisation_id = ct.organisation_id and lc.company_id = ct.company_id
    cross join lateral (select c.municipality_code, c.sort_key from companies c where c.id = ct.company_id offset 0) c
    where ct.organisation_id = ${organisationId}`;
}

export interface CoveragePointRow { tier_id: string; date: string; covered: number }

/**
 * Covered members per tier at each of `dates` (ascending), in one pass over the organisation's interactions
 * in the window. Each distinct contact date x of a company covers the dates in [x, min(x + cadence, next x)):
 * those intervals do not overlap, so a company is counted once per date without a DISTINCT. width_bucket turns
 * an interval into the run of dates it covers (points a+1 … b), so the database returns one row per tier and
 * run (at most 78 per tier) instead of one per company and date; the runs are summed up here. The scan follows
 * interactions_org_company_idx (organisation, company, date), which is already the window's order.
 */
export async function coverageAt(db: Db, organisationId: string, dates: readonly string[], maxCadenceDays: number): Promise<CoveragePointRow[]> {
  if (dates.length === 0) return [];
  const points = dateArray(dates);
  const runs = await queryRows<{ tier_id: string; first: number; last: number; n: number }>(db, sql`
    with iv as (
      select i.company_id, i.date as x, lead(i.date) over (partition by i.company_id order by i.date) as next_x
      from interactions i
      where i.organisation_id = ${organisationId} and i.deleted_at is null
        and i.date > ${dates[0]}::date - ${maxCadenceDays}::int and i.date <= ${dates[dates.length - 1]}::date
    ),
    runs as (
      select ct.tier_id,
        width_bucket(iv.x - 1, ${points}::date[]) as before_first,
        width_bucket(least(iv.x + t.cadence_days, iv.next_x) - 1, ${points}::date[]) as last
      from iv
      join company_tiers ct on ct.organisation_id = ${organisationId} and ct.company_id = iv.company_id
      join contact_tiers t on t.id = ct.tier_id
    )
    select tier_id, before_first + 1 as first, last, count(*)::int as n from runs
    where last > before_first
    group by tier_id, before_first, last`);
  const covered = new Map<string, number[]>();
  for (const run of runs) {
    const counts = covered.get(run.tier_id) ?? dates.map(() => 0);
    for (let k = run.first; k <= run.last; k += 1) counts[k - 1] += run.n;
    covered.set(run.tier_id, counts);
  }
  return [...covered.entries()].flatMap(([tierId, counts]) => counts.map((n, k) => ({ tier_id: tierId, date: dates[k], covered: n })));
}

export interface CoverageCompanyRow {
  company_id: string;
  company_name: string;
  cvr: string | null;
  city: string | null;
  municipality_code: number | null;
  municipality_name: string | null;
  tier_id: string;
  tier_name: string;
  cadence_days: number;
  user_id: string | null;
  user_name: string | null;
  last_contact_date: string | null;
  covered: boolean;
  days_overdue: number;
  total: number;
}

export interface CoverageCompaniesSpec {
  organisationId: string;
  /** The date coverage is judged at; `isToday` reads company_last_contacts instead of the interactions. */
  at: string;
  isToday: boolean;
  tierId?: string;
  consultant?: string | 'none';
  municipality?: number | 'none';
  covered?: boolean;
  limit: number;
  offset: number;
}

/** The tier members behind a figure, in Danish order, with their last contact on or before `at`. */
export function coverageCompanies(db: Db, spec: CoverageCompaniesSpec): Promise<CoverageCompanyRow[]> {
  const filters = [sql`true`];
  if (spec.tierId) filters.push(sql`m.tier_id = ${spec.tierId}`);
  if (spec.consultant === 'none') filters.push(sql`m.user_id is null`);
  else if (spec.consultant) filters.push(sql`m.user_id = ${spec.consultant}`);
  if (spec.municipality === 'none') filters.push(sql`m.municipality_code is null`);
  else if (spec.municipality !== undefined) filters.push(sql`m.municipality_code = ${spec.municipality}`);
  if (spec.covered !== undefined) filters.push(spec.covered ? sql`m.covered` : sql`not m.covered`);
  const lastContact = spec.isToday ? undefined
    : sql`(select max(i.date) from interactions i
        where i.organisation_id = ct.organisation_id and i.company_id = ct.company_id and i.deleted_at is null and i.date <= ${spec.at}::date)`;
  return queryRows<CoverageCompanyRow>(db, sql`
    with base as materialized (${members(spec.organisationId, lastContact)}),
    m as (select base.*, coalesce(base.last_contact_date > ${spec.at}::date - base.cadence_days, false) as covered from base),
    page as (
      select m.*, count(*) over ()::int as total from m
      where ${sql.join(filters, sql` and `)}
      order by m.sort_key COLLATE "C", m.company_id
      limit ${spec.limit} offset ${spec.offset}
    )
    select page.company_id, c.name as company_name, c.cvr, c.city, page.municipality_code, mu.name as municipality_name,
      page.tier_id, t.name as tier_name, page.cadence_days, page.user_id, u.name as user_name,
      page.last_contact_date::text as last_contact_date, page.covered,
      (${spec.at}::date - coalesce(page.last_contact_date + page.cadence_days, ${spec.at}::date))::int as days_overdue, page.total
    from page
    join companies c on c.id = page.company_id
    join contact_tiers t on t.id = page.tier_id
    left join users u on u.id = page.user_id
    left join municipalities mu on mu.code = page.municipality_code
    order by page.sort_key COLLATE "C", page.company_id`);
}

/** How many members match when the page asked for is past the end (the window count is then missing). */
export async function countCoverageCompanies(db: Db, spec: CoverageCompaniesSpec): Promise<number> {
  const rows = await coverageCompanies(db, { ...spec, limit: 1, offset: 0 });
  return rows[0]?.total ?? 0;
}

export interface BoundaryRow { code: number; name: string; geometry: unknown }

/**
 * The municipalities a partnership's map shows: those of its organisations; when none has a municipality,
 * those where the organisation's tier members are.
 */
export async function mapMunicipalityCodes(db: Db, partnershipId: string, organisationId: string): Promise<number[]> {
  const own = await queryRows<{ code: number }>(db, sql`
    select distinct municipality_code as code from organisations
    where partnership_id = ${partnershipId} and municipality_code is not null and deactivated_at is null`);
  if (own.length > 0) return own.map((r) => r.code);
  const members = await queryRows<{ code: number }>(db, sql`
    select distinct c.municipality_code as code from company_tiers ct join companies c on c.id = ct.company_id
    where ct.organisation_id = ${organisationId} and c.municipality_code is not null`);
  return members.map((r) => r.code);
}

export async function countBoundaries(db: Db, codes: readonly number[]): Promise<number> {
  if (codes.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from municipality_boundaries where code = any(${`{${codes.join(',')}}`}::int[])`);
  return row?.n ?? 0;
}

export function boundaries(db: Db, codes: readonly number[]): Promise<BoundaryRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return queryRows<BoundaryRow>(db, sql`
    select b.code, m.name, b.geometry from municipality_boundaries b join municipalities m on m.code = b.code
    where b.code = any(${`{${codes.join(',')}}`}::int[])
    order by da_sort_key(m.name) COLLATE "C"`);
}

export async function organisationName(db: Db, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from organisations where id = ${organisationId}`);
  return row?.name ?? '';
}

export interface OrganisationRef { id: string; name: string }

/** The partnership's active organisations that have at least one contact tier, in Danish order. */
export function organisationsWithTiers(db: Db, partnershipId: string): Promise<OrganisationRef[]> {
  return queryRows<OrganisationRef>(db, sql`
    select o.id, o.name from organisations o
    where o.partnership_id = ${partnershipId} and o.deactivated_at is null
      and exists (select 1 from contact_tiers t where t.organisation_id = o.id)
    order by da_sort_key(o.name) COLLATE "C", o.id`);
}

/** An organisation of the partnership; null when it does not exist there. */
export async function partnershipOrganisation(db: Db, partnershipId: string, id: string): Promise<OrganisationRef | null> {
  const [row] = await queryRows<OrganisationRef>(db, sql`
    select id, name from organisations where id = ${id} and partnership_id = ${partnershipId}`);
  return row ?? null;
}
