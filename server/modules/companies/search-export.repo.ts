import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';
import {
  companyFilterCondition, nearWords, summaryColumns, textMatch, type CompanySummaryRow, type QueryWord, type SearchSpec,
} from './search.repo';

/**
 * Every company a search matches, page by page, for exports. Unlike the interactive search, nothing is
 * capped: each page is a keyset query (`after` the last row's rank, Danish name key and id), so the
 * 100,000th row costs what the first does and no page sits in one long transaction.
 */

export type CompanyExportRow = Omit<CompanySummaryRow, 'matched_by' | 'total'> & { sort_key: string; rank: string | null };
export interface CompanyExportCursor { rank: string | null; sortKey: string; id: string }

/**
 * Up to this many matches a text search is exported by relevance, as the page shows it. Ranking is a
 * keyset over a computed score, so every page scores all matches; beyond this (a broad word such as "ApS"
 * matching most of the register) the export is in Danish name order, which pages through an index.
 */
export const relevanceExportLimit = 10_000;

/** What stays the same across the pages of one export: the spec, a text search's near words, the order. */
export interface CompanyExportPlan { spec: SearchSpec; words: QueryWord[]; order: 'relevance' | 'name' }

export async function planCompanyExport(db: Db, spec: SearchSpec, relevanceLimit = relevanceExportLimit): Promise<CompanyExportPlan> {
  if (spec.kind !== 'text') return { spec, words: [], order: 'name' };
  const words = await nearWords(db, spec.q ?? '');
  if (spec.sort === 'name') return { spec, words, order: 'name' };
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (
    select 1 from companies c where ${textMatch(spec.q ?? '', words).matches} and ${companyFilterCondition(spec)}
    limit ${relevanceLimit + 1}) x`);
  return { spec, words, order: n > relevanceLimit ? 'name' : 'relevance' };
}

const byName = (after: CompanyExportCursor | null): SQL => (after
  ? sql`and (c.sort_key collate "C", c.id) > (${after.sortKey}::text collate "C", ${after.id}::uuid)`
  : sql``);

/** The next page of an export after `after` (null: the first page). */
export function companyExportPage(db: Db, plan: CompanyExportPlan, after: CompanyExportCursor | null, limit: number): Promise<CompanyExportRow[]> {
  const { spec } = plan;
  const where = companyFilterCondition(spec);
  const columns = sql`${summaryColumns}, c.sort_key`;
  if (spec.kind === 'cvr' || spec.kind === 'p_number') {
    const match = spec.kind === 'cvr' ? sql`c.cvr = ${spec.q}`
      : sql`c.id in (select p.company_id from production_units p where p.p_number = ${spec.q})`;
    return queryRows(db, sql`select ${columns}, null as rank from companies c where ${match} and ${where} ${byName(after)}
      order by c.sort_key collate "C", c.id limit ${limit}`);
  }
  if (plan.order === 'name') {
    const match = spec.kind === 'text' ? textMatch(spec.q ?? '', plan.words).matches : sql`true`;
    return queryRows(db, sql`select ${columns}, null as rank from companies c where ${match} and ${where} ${byName(after)}
      order by c.sort_key collate "C", c.id limit ${limit}`);
  }
  // Relevance: the score rounded to a fixed numeric so that "after this row" compares exactly across pages.
  const { matches, score } = textMatch(spec.q ?? '', plan.words);
  const next = after
    ? sql`where h.rank < ${after.rank}::numeric
        or (h.rank = ${after.rank}::numeric and (h.sort_key collate "C", h.id) > (${after.sortKey}::text collate "C", ${after.id}::uuid))`
    : sql``;
  return queryRows(db, sql`
    with hits as materialized (
      select c.id, c.sort_key, round((${score})::numeric, 9) as rank from companies c where ${matches} and ${where}
    )
    select ${columns}, h.rank::text as rank
    from (select * from hits h ${next} order by h.rank desc, h.sort_key collate "C", h.id limit ${limit}) h
    join companies c on c.id = h.id
    order by h.rank desc, h.sort_key collate "C", h.id`);
}

export const exportCursorOf = (row: CompanyExportRow): CompanyExportCursor => ({ rank: row.rank, sortKey: row.sort_key, id: row.id });
