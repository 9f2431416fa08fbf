import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { municipalities, organisations, users } from '../../db/schema';

export type OrganisationRecord = typeof organisations.$inferSelect;
export interface OrganisationRow extends OrganisationRecord {
  municipalityName: string | null;
  userCount: number;
}

function selectOrganisations(db: Db) {
  return db.select({
    org: organisations,
    municipalityName: municipalities.name,
    userCount: sql<number>`(select count(*) from ${users} u where u.organisation_id = ${organisations.id} and u.status <> 'deactivated')`.mapWith(Number),
  }).from(organisations).leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode));
}

const flatten = (r: { org: OrganisationRecord; municipalityName: string | null; userCount: number }): OrganisationRow =>
  ({ ...r.org, municipalityName: r.municipalityName, userCount: r.userCount });

export async function listOrganisations(db: Db, partnershipId: string): Promise<OrganisationRow[]> {
  const rows = await selectOrganisations(db).where(eq(organisations.partnershipId, partnershipId))
    .orderBy(sql`da_sort_key(${organisations.name}) COLLATE "C"`, organisations.id);
  return rows.map(flatten);
}

/** An organisation of the given partnership, or null (another partnership's looks the same as none). */
export async function findOrganisation(db: Db, partnershipId: string, id: string): Promise<OrganisationRow | null> {
  const rows = await selectOrganisations(db)
    .where(and(eq(organisations.partnershipId, partnershipId), eq(organisations.id, id))).limit(1);
  return rows[0] ? flatten(rows[0]) : null;
}

export async function insertOrganisation(db: Db, row: typeof organisations.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(organisations).values(row).returning({ id: organisations.id });
  return inserted.id;
}

export async function updateOrganisation(db: Db, id: string, changes: Partial<typeof organisations.$inferInsert>): Promise<void> {
  if (Object.keys(changes).length > 0) await db.update(organisations).set(changes).where(eq(organisations.id, id));
}

export async function userIdsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId));
  return rows.map((r) => r.id);
}
