import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { needsAssessments, offers } from '../../db/schema';

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export async function demoPartnershipId(db: Db, slug: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, sql`select id from partnerships where slug = ${slug}`);
  return row?.id ?? null;
}

/** Whether the partnership has any offer (then the demo catalogue is there or was replaced by real offers). */
export async function hasOffers(db: Db, partnershipId: string): Promise<boolean> {
  return (await rows(db, sql`select 1 as one from offers where partnership_id = ${partnershipId} limit 1`)).length > 0;
}

/** Whether any organisation of the partnership has recorded an assessment. */
export async function hasAssessments(db: Db, partnershipId: string): Promise<boolean> {
  return (await rows(db, sql`select 1 as one from needs_assessments a join organisations o on o.id = a.organisation_id
    where o.partnership_id = ${partnershipId} limit 1`)).length > 0;
}

export function organisationsByName(db: Db, partnershipId: string): Promise<{ id: string; name: string }[]> {
  return rows(db, sql`select id, name from organisations where partnership_id = ${partnershipId}`);
}

export function usersByEmail(db: Db, partnershipId: string): Promise<{ id: string; email: string; organisation_id: string }[]> {
  return rows(db, sql`select u.id, u.email, u.organisation_id from users u join organisations o on o.id = u.organisation_id
    where o.partnership_id = ${partnershipId}`);
}

/** Demo companies by name (the first by CVR when a name repeats). */
export function demoCompaniesNamed(db: Db, names: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return Promise.resolve([]);
  return rows(db, sql`select distinct on (name) id, name from companies
    where is_demo and name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) order by name, cvr`);
}

export async function insertOffers(db: Db, values: (typeof offers.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(offers).values(values);
}

export async function insertAssessments(db: Db, values: (typeof needsAssessments.$inferInsert)[]): Promise<(typeof needsAssessments.$inferSelect)[]> {
  return values.length ? db.insert(needsAssessments).values(values).returning() : [];
}
