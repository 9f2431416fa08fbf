import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

// All SQL of the shortlist's in-memory index: the reference taxonomy and the partnership's candidates, read in bulk.

/** A uuid[] literal (ids are validated uuids: no quoting needed). */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * What says the reference taxonomy changed: the latest import run and the row counts of the tables the matcher reads.
 * (The demo taxonomy is seeded without an import run; its counts move when it is first written.)
 */
export async function taxonomyFingerprint(db: Db): Promise<string> {
  const [row] = await rows<{ runs: number | null; occupations: number; skills: number; postal: number }>(db, sql`
    select (select max(id) from import_runs)::int as runs, (select count(*) from occupations)::int as occupations,
      (select count(*) from skills)::int as skills, (select count(*) from postal_codes)::int as postal`);
  return `${row.runs ?? 0}:${row.occupations}:${row.skills}:${row.postal}`;
}

export interface TaxonomyRows {
  occupations: { uri: string; isco_group: string | null; label: string; code: string | null }[];
  skills: { uri: string; label: string }[];
  relations: { occupation_uri: string; skill_uri: string; relation_type: string }[];
  postalCodes: { code: string; lat: number; lon: number }[];
  municipalities: { code: number; lat: number; lon: number }[];
}

/** The taxonomy tables with Danish labels (`labels.da.preferred`, else the preferred label). */
export async function loadTaxonomyRows(db: Db): Promise<TaxonomyRows> {
  const [occupations, skills, relations, postalCodes, municipalities] = await Promise.all([
    rows<TaxonomyRows['occupations'][number]>(db, sql`
      select uri, isco_group, coalesce(nullif(labels->'da'->>'preferred', ''), preferred_label) as label, code
      from occupations where concept_type = 'occupation'`),
    rows<TaxonomyRows['skills'][number]>(db, sql`
      select uri, coalesce(nullif(labels->'da'->>'preferred', ''), preferred_label) as label from skills`),
    rows<TaxonomyRows['relations'][number]>(db, sql`select occupation_uri, skill_uri, relation_type from occupation_skills`),
    rows<TaxonomyRows['postalCodes'][number]>(db, sql`select code, lat, lon from postal_codes where lat is not null and lon is not null`),
    rows<TaxonomyRows['municipalities'][number]>(db, sql`select code, lat, lon from municipalities where lat is not null and lon is not null`),
  ]);
  return { occupations, skills, relations, postalCodes, municipalities };
}

/** A candidate as the index reads it: the match-relevant profile, never identity (the CPR hash is only a join key). */
export interface CandidateMatchRow {
  id: string;
  organisation_id: string;
  cpr_hash: string | null;
  occupations: string[];
  skills: string[];
  certificates: string[];
  languages: string[];
  postal_code: string | null;
  max_commute_km: number | null;
  available_from: string | null;
  hours_per_week: number | null;
  target_group: string | null;
  active: boolean;
  anonymised: boolean;
  updated_at: string;
}

const selectCandidates = sql`
  select id, organisation_id, cpr_hash, occupations, skills, certificates, languages, postal_code, max_commute_km,
    available_from::text as available_from, hours_per_week::float8 as hours_per_week, target_group, active,
    anonymised_at is not null as anonymised, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at
  from candidates`;

/** Every active, not anonymised candidate of the partnership. */
export function activeCandidates(db: Db, partnershipId: string): Promise<CandidateMatchRow[]> {
  return rows(db, sql`${selectCandidates} where partnership_id = ${partnershipId} and active and anonymised_at is null`);
}

/** Candidates of the partnership changed at or after `since` (any state: the caller removes the inactive ones). */
export function candidatesChangedSince(db: Db, partnershipId: string, since: string): Promise<CandidateMatchRow[]> {
  return rows(db, sql`${selectCandidates} where partnership_id = ${partnershipId} and updated_at >= ${since}::timestamptz`);
}

/** Some candidates by id, in any state. */
export function candidatesByIds(db: Db, partnershipId: string, ids: readonly string[]): Promise<CandidateMatchRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows(db, sql`${selectCandidates} where partnership_id = ${partnershipId} and id = any(${uuidArray(ids)}::uuid[])`);
}

/** How many candidates the index should hold, and the latest change. */
export async function candidateState(db: Db, partnershipId: string): Promise<{ count: number; latest: string | null }> {
  const [row] = await rows<{ count: number; latest: string | null }>(db, sql`
    select count(*) filter (where active and anonymised_at is null)::int as count,
      to_char(max(updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as latest
    from candidates where partnership_id = ${partnershipId}`);
  return row;
}

/** Names of the partnership's organisations (job centres), by id. */
export async function organisationNames(db: Db, partnershipId: string): Promise<Map<string, string>> {
  const list = await rows<{ id: string; name: string }>(db, sql`select id, name from organisations where partnership_id = ${partnershipId}`);
  return new Map(list.map((o) => [o.id, o.name]));
}
