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

export const summaryColumns = sql`c.id, c.cvr, c.name, c.status, c.street, c.postal_code, c.city, c.municipality_code,
  (select m.name from municipalities m where m.code = c.municipality_code) as municipality_name,
  c.industry_code, c.industry_text, c.employee_band, c.employees, c.advertising_protected, c.is_demo`;

/** The string just after every string that starts with `prefix` (for an index range on digit codes). */
function nextPrefix(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '');
  if (trimmed === '') return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

/** The register's filters alone, as another module's set-based query uses them. */
export type CompanyFilter = Pick<SearchSpec, 'municipalities' | 'industrySection' | 'industryPrefix' | 'employeeBands' | 'status'>;

function filters(spec: CompanyFilter): SQL[] {
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

/** The register's filters as one condition over `companies c`. */
export const companyFilterCondition = (filter: CompanyFilter): SQL => and(filters(filter));

/** Words that say nothing about which company is meant (legal forms, "og"); one-letter words are dropped too. */
const stopwords = ['aps', 'as', 'is', 'ks', 'ps', 'ivs', 'amba', 'fmba', 'smba', 'enk', 'og'];

/** A PostgreSQL text[] literal (sent as one bound parameter); every element quoted and escaped. */
const wordArray = (words: string[]) => `{${words.map((w) => `"${w.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

export interface QueryWord { tok: string; words: string[] }

/**
 * Step 1 of a name search: each query word and the real name words near it (the word itself, words it
 * starts, and trigram neighbours, closest first). Runs on the small company_name_words table.
 */
export async function nearWords(db: Db, q: string): Promise<QueryWord[]> {
  const rows = await queryRows<{ tok: string; words: string[] | null }>(db, sql`
    select qt.tok, array_agg(w.word order by w.rank) filter (where w.word is not null) as words
    from unnest(samspil_name_tokens(${q}::text)) with ordinality as qt(tok, ord)
    left join lateral (
      select word, row_number() over (order by word = qt.tok desc, similarity(word, qt.tok) desc, word) as rank
      from company_name_words
      where word % qt.tok
        or (length(qt.tok) >= 3 and word like replace(replace(replace(qt.tok, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
      order by rank limit 40
    ) w on true
    where length(qt.tok) > 1 and qt.tok <> all(${wordArray(stopwords)}::text[])
    group by qt.ord, qt.tok order by qt.ord`);
  return rows.map((r) => ({ tok: r.tok, words: r.words ?? [] }));
}

/**
 * How a text query matches a company `c` and ranks it: for EVERY query word one of its near words in the
 * name (a BitmapAnd over the GIN index on name_tokens), or the Danish full text over name, industry and
 * address. The score: name similarity, plus the share of query words found exactly, plus a full-text bonus.
 * Shared by the interactive search and the export, so both find and rank the same companies.
 */
export function textMatch(q: string, words: QueryWord[]): { matches: SQL; byName: SQL; score: SQL; tokens: string } {
  const n = sql`samspil_search_norm(${q}::text)`;
  const tsq = sql`plainto_tsquery('danish'::regconfig, ${q}::text)`;
  const usable = words.length > 0 && words.every((w) => w.words.length > 0);
  const byName = usable
    ? sql.join(words.map((w) => sql`c.name_tokens && ${wordArray(w.words)}::text[]`), sql` and `)
    : sql`false`;
  const tokens = wordArray(words.map((w) => w.tok));
  const score = sql`(similarity(array_to_string(c.name_tokens, ' '), ${n})
    + 0.5 * (select count(*) from unnest(${tokens}::text[]) t where t = any(c.name_tokens)) / greatest(cardinality(${tokens}::text[]), 1)
    + case when c.search_doc @@ ${tsq} then 0.2 else 0 end)`;
  return { matches: sql`((${byName}) or c.search_doc @@ ${tsq})`, byName, score, tokens };
}

/**
 * Step 2: companies whose name has, for EVERY query word, one of its near words (a BitmapAnd over the
 * GIN index on name_tokens), or that match the Danish full text over name, industry and address.
 * At most `countCap + 1` candidates are ranked: name similarity, plus the share of query words found
 * exactly, plus a full-text bonus.
 */
function textQuery(spec: SearchSpec, words: QueryWord[], where: SQL[]): SQL {
  const q = spec.q ?? '';
  const { matches, byName, score, tokens } = textMatch(q, words);
  const fulltextKind = /\d/.test(q) ? 'address' : 'fulltext';
  const order = spec.sort === 'name' ? sql`c.sort_key collate "C", c.id` : sql`h.score desc, c.sort_key collate "C", c.id`;
  return sql`
    with cand as materialized (
      select c.id from companies c
      where ${matches} and ${and(where)}
      limit ${countCap + 1}
    ),
    hits as materialized (
      select c.id, ${score} as score,
        case when cardinality(${tokens}::text[]) > 0 and c.name_tokens @> ${tokens}::text[] then 'name'
          when ${byName} then 'name_fuzzy' else ${fulltextKind} end as matched_by
      from cand join companies c on c.id = cand.id
    )
    select ${summaryColumns}, h.matched_by, h.score, (select count(*) from cand) as total
    from hits h join companies c on c.id = h.id
    order by ${order}
    limit ${spec.limit} offset ${spec.offset}`;
}

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
    query = textQuery(spec, await nearWords(db, spec.q ?? ''), where);
  } else {
    // No text: list by name. The count is capped so a broad filter never counts the whole register.
    query = sql`
      with counted as (select count(*) as total from (select 1 from companies c where ${and(where)} limit ${countCap + 1}) x)
      select ${summaryColumns}, 'filter' as matched_by, counted.total from companies c, counted
      where ${and(where)} order by c.sort_key collate "C", c.id limit ${spec.limit} offset ${spec.offset}`;
  }
  const rows = await queryRows<CompanySummaryRow>(db, query);
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  // A page past the end has no row to carry the count; the count is only needed when rows exist.
  if (rows.length === 0 && spec.offset > 0 && spec.kind !== 'cvr' && spec.kind !== 'p_number') total = 0;
  if (spec.kind === 'cvr' || spec.kind === 'p_number') total = rows.length + spec.offset;
  return { rows, total: Math.min(total, countCap), capped: total > countCap };
}
