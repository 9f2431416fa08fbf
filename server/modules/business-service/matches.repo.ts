import { sql, type SQL } from 'drizzle-orm';
import { providerKinds } from '../../../common/business-service';
import type { Db } from '../../db/client';
import { selectOffers, type OfferRow } from './offers.repo';

/** Rows of a raw query; both drivers (node-postgres, PGlite) answer `{ rows }`. */
const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * Size classes for "similar companies" (the EU SME bands): micro 0–9, small 10–49, medium 50–249,
 * large 250+ employees. Earlier referrals count as similar in the same DB07 section and size class.
 */
export const sizeClasses = [
  { name: 'micro', from: 0, to: 10 },
  { name: 'small', from: 10, to: 50 },
  { name: 'medium', from: 50, to: 250 },
  { name: 'large', from: 250, to: null },
] as const;
export type SizeClass = (typeof sizeClasses)[number]['name'];

export function sizeClassOf(employees: number | null): SizeClass | null {
  if (employees === null || employees < 0) return null;
  return sizeClasses.find((c) => employees >= c.from && (c.to === null || employees < c.to))?.name ?? null;
}

/** The size class of `companies c` as SQL (null for an unknown head count). */
const sizeClassSql = sql.raw(`case ${sizeClasses.map((c) => `when c.employees >= ${c.from}${c.to === null ? '' : ` and c.employees < ${c.to}`} then '${c.name}'`).join(' ')} end`);

/** The published offers of a partnership with their providers (matching judges their active period itself). */
export function publishedOffers(db: Db, partnershipId: string): Promise<OfferRow[]> {
  return rows<OfferRow>(db, sql`${selectOffers} where o.partnership_id = ${partnershipId} and o.status = 'published' order by o.id`);
}

/**
 * A cheap fingerprint of a partnership's offers (it changes with every insert, update and delete of one)
 * and the current names of the organisations that may own offers (names are not part of the fingerprint).
 */
export async function offersState(db: Db, partnershipId: string): Promise<{ fingerprint: string; providers: Provider[] }> {
  const kinds = sql.join(providerKinds.map((k) => sql`${k}`), sql`, `);
  const [row] = await rows<{ n: number; at: string | Date | null; providers: Provider[] | null }>(db, sql`
    select (select count(*)::int from offers where partnership_id = ${partnershipId}) as n,
      (select max(updated_at) from offers where partnership_id = ${partnershipId}) as at,
      (select json_agg(json_build_object('id', id, 'name', name, 'kind', kind)) from organisations
        where partnership_id = ${partnershipId} and kind in (${kinds})) as providers`);
  return { fingerprint: `${row?.n ?? 0}|${row?.at ? new Date(row.at).toISOString() : ''}`, providers: row?.providers ?? [] };
}

export interface Provider { id: string; name: string; kind: string }

/** An assessment with what matching needs of it and of its company (municipality and region names included). */
export interface MatchSubjectRow {
  id: string;
  company_id: string;
  organisation_id: string;
  consent_to_share: boolean;
  date: string;
  priorities: Record<string, number>;
  segment: string | null;
  turnover_dkk: number | null;
  company_name: string;
  employees: number | null;
  industry_code: string | null;
  industry_section: string | null;
  municipality_code: number | null;
  municipality_name: string | null;
  region_code: number | null;
  region_name: string | null;
  start_date: string | null;
}

/** One query for the assessment of the partnership and its company, or null. */
export async function matchSubject(db: Db, partnershipId: string, assessmentId: string): Promise<MatchSubjectRow | null> {
  const [row] = await rows<MatchSubjectRow>(db, sql`
    select a.id, a.company_id, a.organisation_id, a.consent_to_share, a.date::text as date, a.priorities, a.segment,
      a.turnover_dkk::float8 as turnover_dkk, c.name as company_name, c.employees, c.industry_code, c.industry_section,
      c.municipality_code, m.name as municipality_name, m.region_code, r.name as region_name, c.start_date::text as start_date
    from needs_assessments a
    join organisations o on o.id = a.organisation_id
    join companies c on c.id = a.company_id
    left join municipalities m on m.code = c.municipality_code
    left join regions r on r.code = m.region_code
    where a.id = ${assessmentId} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

/** `YYYY-MM-DD` as the start of that day in Danish time. */
const danishMidnight = (isoDate: string) => sql`(${isoDate}::timestamp at time zone 'Europe/Copenhagen')`;

/**
 * Capacity used per offer in a quarter: referrals accepted or started (status modtaget, igangsat or
 * afsluttet) whose start — or, not yet started, receipt — falls in the quarter.
 */
export function capacityUsed(db: Db, partnershipId: string, quarter: { from: string; to: string }): Promise<{ offer_id: string; used: number }[]> {
  return rows(db, sql`
    select r.offer_id, count(*)::int as used from referrals r
    where r.partnership_id = ${partnershipId} and r.status in ('modtaget', 'igangsat', 'afsluttet')
      and coalesce(r.started_at, r.received_at) >= ${danishMidnight(quarter.from)}
      and coalesce(r.started_at, r.received_at) < ${danishMidnight(quarter.to)}
    group by r.offer_id`);
}

export interface OutcomeRow {
  offer_id: string;
  completed: number;
  mean_satisfaction: number | null;
  rejected: number;
}

const outcomeColumns = sql`
  count(*) filter (where r.status = 'afsluttet')::int as completed,
  (avg(r.satisfaction) filter (where r.status = 'afsluttet' and r.satisfaction is not null))::float8 as mean_satisfaction,
  count(*) filter (where r.status = 'afvist')::int as rejected`;

/** Outcomes per offer of earlier referrals, for every DB07 section and size class at once (similar = same section and class). */
export function outcomesByGroup(db: Db, partnershipId: string): Promise<(OutcomeRow & { section: string; size_class: SizeClass })[]> {
  return rows(db, sql`
    select r.offer_id, c.industry_section as section, ${sizeClassSql} as size_class, ${outcomeColumns}
    from referrals r join companies c on c.id = r.company_id
    where r.partnership_id = ${partnershipId} and r.status in ('afsluttet', 'afvist')
      and c.industry_section is not null and c.employees is not null
    group by 1, 2, 3`);
}

export interface BatchAssessmentRow {
  employees: number | null;
  industry_code: string | null;
  industry_section: string | null;
  municipality_code: number | null;
  region_code: number | null;
  start_date: string | null;
  assessment_id: string;
  priorities: Record<string, number>;
  segment: string | null;
  turnover_dkk: number | null;
}

/** A page of the partnership's assessments with their companies, in id order (keyset: after `afterId`). */
export function assessmentBatch(db: Db, partnershipId: string, afterId: string | null, limit: number): Promise<BatchAssessmentRow[]> {
  return rows<BatchAssessmentRow>(db, sql`
    select a.id as assessment_id, a.priorities, a.segment, a.turnover_dkk::float8 as turnover_dkk,
      c.employees, c.industry_code, c.industry_section, c.municipality_code, m.region_code, c.start_date::text as start_date
    from needs_assessments a
    join organisations o on o.id = a.organisation_id
    join companies c on c.id = a.company_id
    left join municipalities m on m.code = c.municipality_code
    where o.partnership_id = ${partnershipId} ${afterId ? sql`and a.id > ${afterId}` : sql``}
    order by a.id limit ${limit}`);
}
