import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companies, companyMerges } from '../../db/schema';
import type { CompanyRow } from './companies.repo';
import type { JsonRow } from './merge.references.repo';
import { queryRows } from './query.repo';

/** Locks both companies (in id order, so two merges of the same pair cannot deadlock) and returns them. */
export async function lockCompanies(db: Db, ids: [string, string]): Promise<Map<string, CompanyRow>> {
  const sorted = [...ids].sort();
  const rows = await db.select().from(companies)
    .where(sql`${companies.id} in (${sql.join(sorted.map((id) => sql`${id}::uuid`), sql`, `)})`)
    .orderBy(companies.id).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

/** The whole company row as JSON, for the before-state. */
export async function companyJson(db: Db, id: string): Promise<JsonRow | null> {
  const [row] = await queryRows<{ row: JsonRow }>(db, sql`select to_jsonb(c.*) as row from companies c where c.id = ${id}`);
  return row?.row ?? null;
}

export async function deleteCompany(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from companies where id = ${id}`);
}

export async function insertMerge(db: Db, values: typeof companyMerges.$inferInsert): Promise<void> {
  await db.insert(companyMerges).values(values);
}

/** The company a merged company now lives on, or null when the id was never merged. */
export async function survivorOf(db: Db, mergedId: string): Promise<string | null> {
  const [row] = await queryRows<{ survivor_id: string }>(db, sql`select survivor_id from company_merges where merged_id = ${mergedId}`);
  return row?.survivor_id ?? null;
}

/** "Not a duplicate" decisions about the merged company (any partnership): they end with it. */
export async function deleteCompanyDismissals(db: Db, companyId: string): Promise<JsonRow[]> {
  return (await queryRows<{ row: JsonRow }>(db, sql`
    with gone as (delete from duplicate_dismissals where kind = 'company' and (a_id = ${companyId} or b_id = ${companyId}) returning *)
    select to_jsonb(gone.*) as row from gone`)).map((r) => r.row);
}
