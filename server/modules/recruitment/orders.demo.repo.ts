import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companies, jobOrders, organisations, partnerships, users } from '../../db/schema';

export async function partnershipBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug)).limit(1);
  return row?.id ?? null;
}

export async function hasOrders(db: Db, partnershipId: string): Promise<boolean> {
  const [row] = await db.select({ id: jobOrders.id }).from(jobOrders).where(eq(jobOrders.partnershipId, partnershipId)).limit(1);
  return Boolean(row);
}

export function organisationsByName(db: Db, partnershipId: string, names: readonly string[]) {
  return db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), inArray(organisations.name, [...names])));
}

/** The demo companies by name (the deterministic anchors), one per name. */
export async function demoCompanies(db: Db, names: readonly string[]) {
  const rows = await db.select({ id: companies.id, name: companies.name, postalCode: companies.postalCode, municipalityCode: companies.municipalityCode })
    .from(companies).where(and(eq(companies.isDemo, true), inArray(companies.name, [...names]))).orderBy(companies.name, companies.cvr);
  return new Map(rows.map((r) => [r.name, r]));
}

export function usersByEmail(db: Db, emails: readonly string[]) {
  return db.select({ id: users.id, email: sql<string>`${users.email}::text`, organisationId: users.organisationId, passwordHash: users.passwordHash })
    .from(users).where(inArray(users.email, [...emails]));
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<string> {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id });
  return row.id;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(values).onConflictDoNothing();
}
