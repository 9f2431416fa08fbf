import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Rejection } from '../../../import/report';
import { importRuns, industryCodes, municipalities, occupations, skills } from '../../../db/schema';

/** How a column travels: every value goes as one text/number array and is cast in SQL. */
export type BulkType = 'text' | 'integer' | 'float8' | 'jsonb' | 'integer[]';

export interface BulkTable {
  table: string;
  columns: readonly (readonly [name: string, type: BulkType])[];
  conflict: readonly string[];
  /** The SET list of ON CONFLICT DO UPDATE (trusted SQL written in this module), or null for DO NOTHING. */
  update: string | null;
}

const paramType: Record<BulkType, string> = {
  text: 'text[]', integer: 'integer[]', float8: 'float8[]', jsonb: 'text[]', 'integer[]': 'text[]',
};

function encode(value: unknown, type: BulkType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  // A 2-D array cannot be unnested row by row, so integer arrays travel as array literals.
  if (type === 'integer[]') return `{${(value as number[]).join(',')}}`;
  return value;
}

/**
 * Multi-row upsert: one statement per batch, each column sent as ONE array parameter and
 * unnested, so 100,000 rows cost a handful of round trips and no giant parameter lists.
 * Keys must be unique within `rows` (PostgreSQL refuses to update a row twice in one statement).
 */
export async function bulkUpsert(db: Db, spec: BulkTable, rows: readonly (readonly unknown[])[], batchSize = 20_000): Promise<void> {
  const names = spec.columns.map(([name]) => name).join(', ');
  const casts = spec.columns
    .map(([name, type]) => (type === 'jsonb' || type === 'integer[]' ? `t.${name}::${type}` : `t.${name}`))
    .join(', ');
  const onConflict = spec.update
    ? `on conflict (${spec.conflict.join(', ')}) do update set ${spec.update}`
    : `on conflict (${spec.conflict.join(', ')}) do nothing`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays: SQL[] = spec.columns.map(([, type], k) =>
      sql`${sql.param(batch.map((row) => encode(row[k], type)))}::${sql.raw(paramType[type])}`);
    await db.execute(sql`insert into ${sql.raw(spec.table)} (${sql.raw(names)})
      select ${sql.raw(casts)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.raw(names)})
      ${sql.raw(onConflict)}`);
  }
}

/** The keys of a table that already exist (to validate references across imports). */
export async function existingKeys(db: Db, table: 'occupations' | 'skills' | 'municipalities'): Promise<Set<string>> {
  if (table === 'municipalities') {
    const rows = await db.select({ code: municipalities.code }).from(municipalities);
    return new Set(rows.map((r) => String(r.code)));
  }
  const source = table === 'occupations' ? occupations : skills;
  const rows = await db.select({ uri: source.uri }).from(source);
  return new Set(rows.map((r) => r.uri));
}

export async function existingIndustryCodes(db: Db, classification: string): Promise<Set<string>> {
  const rows = await db.select({ code: industryCodes.code }).from(industryCodes).where(eq(industryCodes.classification, classification));
  return new Set(rows.map((r) => r.code));
}

/* The tables the importers write, with what a re-import updates. */

export const postalCodesTable: BulkTable = {
  table: 'postal_codes',
  columns: [['code', 'text'], ['name', 'text'], ['municipality_code', 'integer'], ['municipality_codes', 'integer[]'],
    ['lat', 'float8'], ['lon', 'float8'], ['is_po_box', 'integer']],
  conflict: ['code'],
  update: 'name = excluded.name, municipality_code = excluded.municipality_code, municipality_codes = excluded.municipality_codes, lat = excluded.lat, lon = excluded.lon, is_po_box = excluded.is_po_box',
};

export const industryCodesTable: BulkTable = {
  table: 'industry_codes',
  columns: [['classification', 'text'], ['code', 'text'], ['level', 'integer'], ['parent_code', 'text'],
    ['section', 'text'], ['title_da', 'text'], ['title_en', 'text'], ['note', 'text']],
  conflict: ['classification', 'code'],
  update: 'level = excluded.level, parent_code = excluded.parent_code, section = excluded.section, title_da = excluded.title_da, title_en = excluded.title_en, note = excluded.note',
};

/**
 * Labels merge per language (importing English, then Danish keeps both); the preferred label is
 * Danish whenever Danish is known, else the language just imported.
 */
export const occupationsTable: BulkTable = {
  table: 'occupations',
  columns: [['uri', 'text'], ['scheme', 'text'], ['code', 'text'], ['isco_group', 'text'], ['concept_type', 'text'],
    ['preferred_label', 'text'], ['labels', 'jsonb'], ['description', 'text'], ['level', 'integer']],
  conflict: ['uri'],
  update: `scheme = excluded.scheme, code = excluded.code, isco_group = excluded.isco_group, concept_type = excluded.concept_type,
    labels = occupations.labels || excluded.labels,
    preferred_label = coalesce((occupations.labels || excluded.labels) -> 'da' ->> 'preferred', excluded.preferred_label),
    description = case when excluded.labels ? 'da' or occupations.description is null or not (occupations.labels ? 'da')
      then coalesce(excluded.description, occupations.description) else occupations.description end,
    level = excluded.level`,
};

export const skillsTable: BulkTable = {
  table: 'skills',
  columns: [['uri', 'text'], ['scheme', 'text'], ['skill_type', 'text'], ['reuse_level', 'text'],
    ['preferred_label', 'text'], ['labels', 'jsonb'], ['description', 'text']],
  conflict: ['uri'],
  update: `scheme = excluded.scheme, skill_type = excluded.skill_type, reuse_level = excluded.reuse_level,
    labels = skills.labels || excluded.labels,
    preferred_label = coalesce((skills.labels || excluded.labels) -> 'da' ->> 'preferred', excluded.preferred_label),
    description = case when excluded.labels ? 'da' or skills.description is null or not (skills.labels ? 'da')
      then coalesce(excluded.description, skills.description) else skills.description end`,
};

export const occupationSkillsTable: BulkTable = {
  table: 'occupation_skills',
  columns: [['occupation_uri', 'text'], ['skill_uri', 'text'], ['relation_type', 'text']],
  conflict: ['occupation_uri', 'skill_uri'],
  // Unchanged rows are not rewritten: a re-import of 100,000 relations then costs reads only.
  update: 'relation_type = excluded.relation_type where occupation_skills.relation_type is distinct from excluded.relation_type',
};

export const broaderTable: BulkTable = {
  table: 'taxonomy_broader',
  columns: [['uri', 'text'], ['broader_uri', 'text'], ['pillar', 'text']],
  conflict: ['uri', 'broader_uri'],
  update: 'pillar = excluded.pillar where taxonomy_broader.pillar is distinct from excluded.pillar',
};

export const boundariesTable: BulkTable = {
  table: 'municipality_boundaries',
  columns: [['code', 'integer'], ['geometry', 'jsonb'], ['source', 'text']],
  conflict: ['code'],
  update: 'geometry = excluded.geometry, source = excluded.source, imported_at = now()',
};

export interface ImportRunRow {
  kind: string;
  source: string;
  startedAt: Date;
  status: 'completed' | 'completed_with_rejections' | 'failed';
  read: number;
  written: number;
  rejections: Rejection[];
}

/** Only the first rejections are kept in the run row; the full list is in the report the caller got. */
const storedRejections = 1000;

export async function insertImportRun(db: Db, run: ImportRunRow): Promise<number> {
  const [row] = await db.insert(importRuns).values({
    kind: run.kind,
    source: run.source,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    status: run.status,
    read: run.read,
    written: run.written,
    rejected: run.rejections.length,
    rejections: run.rejections.slice(0, storedRejections),
  }).returning({ id: importRuns.id });
  return row.id;
}

/** Sets each municipality's representative point (from its imported boundary). */
export async function updateMunicipalityPoints(db: Db, points: readonly { code: number; lat: number; lon: number }[]): Promise<void> {
  if (points.length === 0) return;
  await db.execute(sql`update municipalities m set lat = t.lat, lon = t.lon
    from unnest(${sql.param(points.map((p) => p.code))}::integer[], ${sql.param(points.map((p) => p.lat))}::float8[],
      ${sql.param(points.map((p) => p.lon))}::float8[]) as t(code, lat, lon)
    where m.code = t.code`);
}
