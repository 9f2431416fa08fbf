import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companies, organisations } from '../../db/schema';

export type OrganisationRecord = typeof organisations.$inferSelect;

/**
 * The company organisation (employer view) of a company in a partnership, if it has one. After a company merge there
 * may be two (the merged company's moved to the survivor): the oldest is the company's own.
 */
export async function findCompanyOrganisation(db: Db, partnershipId: string, companyId: string): Promise<OrganisationRecord | null> {
  const [row] = await db.select().from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), eq(organisations.companyId, companyId)))
    .orderBy(asc(organisations.createdAt), asc(organisations.id)).limit(1);
  return row ?? null;
}

export async function insertCompanyOrganisation(db: Db, values: { partnershipId: string; companyId: string; name: string; municipalityCode: number | null })
  : Promise<OrganisationRecord> {
  const [row] = await db.insert(organisations).values({ ...values, kind: 'company' }).returning();
  return row;
}

export async function companyCard(db: Db, id: string): Promise<{ id: string; name: string; cvr: string | null } | null> {
  const [row] = await db.select({ id: companies.id, name: companies.name, cvr: companies.cvr }).from(companies).where(eq(companies.id, id)).limit(1);
  return row ?? null;
}
