import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/** The search as the repository runs it; the service decides which kind from the query text. */
export interface SearchSpec {
  kind: 'cvr' | 'p_number' | 'text' | 'none';
  q?: string;
  municipalities?: number[];
  industrySection?: string;
  industryPrefix?: string;
  employeeBands?: string[];
  status?: string;
  sort: 'relevance' | 'name';
  limit: number;
  offset: number;
}

export interface CompanySummaryRow {
  id: string;
  cvr: string | null;
  name: string;
  status: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_code: number | null;
  municipality_name: string | null;
  industry_code: string | null;
  industry_text: string | null;
  employee_band: string | null;
  employees: number | null;
  advertising_protected: boolean;
  is_demo: boolean;
  matched_by: string;
  total: number | string;
}

/** Counting stops here: `total` is exact up to this many matches and means "at least" beyond. */
export const countCap = 500;

const summaryColumns = sql`c.id, c.cvr, c.name, c.status, c.street, c.postal_code, c.city, c.municipality_code,
  (select m.name from municipalities m where m.code = c.municipality_code) as municipality_name,
  c.industry_code, c.industry_text, c.employee_band, c.employees, c.advertising_protected, c.is_demo`;

/** The string just after every string that starts with `prefix` (for an index range on digit codes). */
function nextPrefix(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '');
  if (trimmed === '') return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

function filters(spec: SearchSpec): SQL[] {
  const where: SQL[] = [];
  if (spec.municipalities?.length) where.push(sql`c.municipality_code in (${sql.join(spec.municipalities.map((m) => sql`${m}`), sql`, `)})`);
  if (spec.industrySection) where.push(sql`c.industry_section = ${spec.industrySection}`);
  if (spec.industryPrefix) {
    where.push(sql`c.industry_code like ${`${spec.industryPrefix}%`} and c.industry_code >= ${spec.industryPrefix}`);
    const next = nextPrefix(spec.industryPrefix);
    if (next) where.push(sql`c.industry_code < ${next}`);
  }
  if (spec.employeeBands?.length) where.push(sql`c.employee_band in (${sql.join(spec.employeeBands.map((b) => sql`${b}`), sql`, `)})`);
  if (spec.status) where.push(sql`c.status = ${spec.status}`);
  return where;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * Typo-tolerant text search: trigram similarity and word similarity on the normalised name (GIN
 * trigram index), Danish full text over name/industry/city, and (when the text has a digit, like a
 * house number or postal code) trigram similarity on the address. The OR of index-backed operators
 * becomes a BitmapOr of the GIN indexes. Rechecking and scoring a candidate costs real time (trigram
 * maths per row), so at most `countCap + 1` candidates are taken from the bitmap and only those are
 * ranked; a specific name has far fewer candidates, a broad word gets "more than 500, refine".
 */
function textQuery(spec: SearchSpec, where: SQL[]): SQL {
  const q = spec.q ?? '';
  // Inlined (not a CTE) so the planner folds these immutable calls into constants and uses the GIN indexes.
  const n = sql`samspil_search_norm(${q}::text)`;
  const tsq = sql`plainto_tsquery('danish'::regconfig, ${q}::text)`;
  const address = /\d/.test(q) ? sql` or c.search_address % ${n}` : sql``;
  const order = spec.sort === 'name' ? sql`c.sort_key collate "C", c.id` : sql`h.score desc, c.sort_key collate "C", c.id`;
  return sql`
    with cand as materialized (
      select c.id from companies c
      where (c.search_name % ${n} or ${n} <% c.search_name or c.search_doc @@ ${tsq}${address}) and ${and(where)}
      limit ${countCap + 1}
    ),
    hits as materialized (
      select c.id, greatest(similarity(c.search_name, ${n}), word_similarity(${n}, c.search_name))
          + case when c.search_doc @@ ${tsq} then 0.2 else 0 end as score,
        case when c.search_name = ${n} or c.search_name like ${n} || ' %' then 'name'
          when c.search_name % ${n} or ${n} <% c.search_name then 'name_fuzzy'
          when c.search_doc @@ ${tsq} then 'fulltext' else 'address' end as matched_by
      from cand join companies c on c.id = cand.id
    )
    select ${summaryColumns}, h.matched_by, h.score, (select count(*) from cand) as total
    from hits h join companies c on c.id = h.id
    order by ${order}
    limit ${spec.limit} offset ${spec.offset}`;
}

/** Trigram thresholds for this transaction only: 0.45 keeps typo tolerance but prunes weak candidates. */
const thresholds = sql`select set_config('pg_trgm.similarity_threshold', '0.45', true),
  set_config('pg_trgm.word_similarity_threshold', '0.6', true)`;

export async function searchCompanies(db: Db, spec: SearchSpec): Promise<{ rows: CompanySummaryRow[]; total: number; capped: boolean }> {
  const where = filters(spec);
  let query: SQL;
  if (spec.kind === 'cvr') {
    query = sql`select ${summaryColumns}, 'cvr' as matched_by, 1 as total from companies c
      where c.cvr = ${spec.q} and ${and(where)} limit ${spec.limit} offset ${spec.offset}`;
  } else if (spec.kind === 'p_number') {
    query = sql`select ${summaryColumns}, 'p_number' as matched_by, 1 as total from companies c
      where c.id in (select p.company_id from production_units p where p.p_number = ${spec.q}) and ${and(where)}
      limit ${spec.limit} offset ${spec.offset}`;
  } else if (spec.kind === 'text') {
    query = textQuery(spec, where);
  } else {
    // No text: list by name. The count is capped so a broad filter never counts the whole register.
    query = sql`
      with counted as (select count(*) as total from (select 1 from companies c where ${and(where)} limit ${countCap + 1}) x)
      select ${summaryColumns}, 'filter' as matched_by, counted.total from companies c, counted
      where ${and(where)} order by c.sort_key collate "C", c.id limit ${spec.limit} offset ${spec.offset}`;
  }
  const result = spec.kind === 'text'
    ? await db.transaction(async (tx) => {
      await tx.execute(thresholds);
      return queryRows<CompanySummaryRow>(tx as unknown as Db, query);
    })
    : await queryRows<CompanySummaryRow>(db, query);
  const rows = result;
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  // A page past the end has no row to carry the count; the count is only needed when rows exist.
  if (rows.length === 0 && spec.offset > 0 && spec.kind !== 'cvr' && spec.kind !== 'p_number') total = 0;
  if (spec.kind === 'cvr' || spec.kind === 'p_number') total = rows.length + spec.offset;
  return { rows, total: Math.min(total, countCap), capped: total > countCap };
}
