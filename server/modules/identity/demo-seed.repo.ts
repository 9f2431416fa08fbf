import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, partnerships, users } from '../../db/schema';

export async function partnershipExists(db: Db, slug: string): Promise<boolean> {
  const rows = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug)).limit(1);
  return rows.length > 0;
}

export async function insertPartnership(db: Db, row: { slug: string; name: string }): Promise<string> {
  const [inserted] = await db.insert(partnerships).values(row).returning({ id: partnerships.id });
  return inserted.id;
}

export async function insertOrganisations(db: Db, rows: (typeof organisations.$inferInsert)[]): Promise<Map<string, string>> {
  const inserted = await db.insert(organisations).values(rows).returning({ id: organisations.id, name: organisations.name });
  return new Map(inserted.map((r) => [r.name, r.id]));
}

export async function insertUsers(db: Db, rows: (typeof users.$inferInsert)[]): Promise<void> {
  await db.insert(users).values(rows);
}
