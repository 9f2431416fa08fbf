import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { industryCodes, municipalities, occupations, postalCodes, regions, skills } from '../../db/schema';

export type RegionRow = typeof regions.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;
export type IndustryRow = typeof industryCodes.$inferSelect;
export type PostalCodeRow = typeof postalCodes.$inferSelect;

export function selectRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(sql`da_sort_key(${regions.name}) collate "C"`);
}

export function selectMunicipalities(db: Db, regionCode?: number): Promise<MunicipalityRow[]> {
  return db.select().from(municipalities)
    .where(regionCode === undefined ? undefined : eq(municipalities.regionCode, regionCode))
    .orderBy(sql`da_sort_key(${municipalities.name}) collate "C"`, asc(municipalities.code));
}

export async function selectMunicipality(db: Db, code: number): Promise<MunicipalityRow | null> {
  const rows = await db.select().from(municipalities).where(eq(municipalities.code, code)).limit(1);
  return rows[0] ?? null;
}

export interface IndustryFilter {
  classification: string;
  level?: number;
  parent?: string;
  q?: string;
  limit: number;
}

/** Codes in hierarchical order: a section, then its divisions, groups and codes depth-first. */
export function selectIndustries(db: Db, filter: IndustryFilter): Promise<IndustryRow[]> {
  const conditions: (SQL | undefined)[] = [eq(industryCodes.classification, filter.classification)];
  if (filter.level !== undefined) conditions.push(eq(industryCodes.level, filter.level));
  if (filter.parent !== undefined) conditions.push(eq(industryCodes.parentCode, filter.parent.replaceAll('.', '')));
  if (filter.q) {
    const q = filter.q.replaceAll('.', '');
    conditions.push(sql`(${industryCodes.code} like ${`${q.toUpperCase()}%`} or strpos(samspil_search_norm(${industryCodes.titleDa} || ' ' || coalesce(${industryCodes.titleEn}, '')), samspil_search_norm(${filter.q})) > 0)`);
  }
  return db.select().from(industryCodes).where(and(...conditions))
    .orderBy(sql`${industryCodes.section} collate "C"`, sql`${industryCodes.level} > 0`, sql`${industryCodes.code} collate "C"`)
    .limit(filter.limit);
}

export async function selectIndustry(db: Db, classification: string, code: string): Promise<IndustryRow | null> {
  const rows = await db.select().from(industryCodes)
    .where(and(eq(industryCodes.classification, classification), eq(industryCodes.code, code))).limit(1);
  return rows[0] ?? null;
}

export async function selectPostalCode(db: Db, code: string): Promise<PostalCodeRow | null> {
  const rows = await db.select().from(postalCodes).where(eq(postalCodes.code, code)).limit(1);
  return rows[0] ?? null;
}

export interface TaxonomySearch {
  q?: string;
  scheme?: string;
  groups: boolean;
  limit: number;
}

export interface OccupationHit {
  uri: string;
  scheme: string;
  code: string | null;
  iscoGroup: string | null;
  label: string;
}

export interface SkillHit {
  uri: string;
  scheme: string;
  label: string;
  skillType: string | null;
}

/** Every label of every language as one searchable text (preferred and alternative labels). */
const allLabels = (labels: SQL) => sql`lower(samspil_unaccent(jsonb_path_query_array(${labels}, '$.*.*')::text))`;

/** Matches on any label; the best hits on the preferred label come first, then Danish order. */
function searchOrder(label: SQL, q: string | undefined): SQL[] {
  const byName = sql`da_sort_key(${label}) collate "C"`;
  if (!q) return [byName];
  const norm = sql`samspil_search_norm(${label})`;
  const qn = sql`samspil_search_norm(${q})`;
  return [sql`${norm} = ${qn} desc`, sql`${norm} like ${qn} || '%' desc`, sql`similarity(${norm}, ${qn}) desc`, byName];
}

export function searchOccupations(db: Db, search: TaxonomySearch): Promise<OccupationHit[]> {
  const conditions: (SQL | undefined)[] = [];
  if (search.scheme) conditions.push(eq(occupations.scheme, search.scheme));
  if (!search.groups) conditions.push(eq(occupations.conceptType, 'occupation'));
  if (search.q) conditions.push(sql`strpos(${allLabels(sql`${occupations.labels}`)}, samspil_search_norm(${search.q})) > 0`);
  return db.select({
    uri: occupations.uri, scheme: occupations.scheme, code: occupations.code, iscoGroup: occupations.iscoGroup,
    label: occupations.preferredLabel,
  }).from(occupations).where(and(...conditions))
    .orderBy(...searchOrder(sql`${occupations.preferredLabel}`, search.q)).limit(search.limit);
}

export function searchSkills(db: Db, search: TaxonomySearch): Promise<SkillHit[]> {
  const conditions: (SQL | undefined)[] = [];
  if (search.scheme) conditions.push(eq(skills.scheme, search.scheme));
  if (!search.groups) conditions.push(sql`${skills.skillType} is distinct from 'skillGroup'`);
  if (search.q) conditions.push(sql`strpos(${allLabels(sql`${skills.labels}`)}, samspil_search_norm(${search.q})) > 0`);
  return db.select({ uri: skills.uri, scheme: skills.scheme, label: skills.preferredLabel, skillType: skills.skillType })
    .from(skills).where(and(...conditions))
    .orderBy(...searchOrder(sql`${skills.preferredLabel}`, search.q)).limit(search.limit);
}
