import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companyContacts } from '../../db/schema';
import { queryRows } from './query.repo';

export type ContactInsert = typeof companyContacts.$inferInsert;

export interface ContactRow {
  id: string;
  company_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  production_unit_id: string | null;
  production_unit_name: string | null;
  role: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const selectContacts = sql`
  select c.id, c.company_id, c.name, c.title, c.phone, c.email, c.production_unit_id, p.name as production_unit_name,
    c.role, c.created_at, c.updated_at
  from company_contacts c left join production_units p on p.id = c.production_unit_id`;

export function listContacts(db: Db, partnershipId: string, companyId: string): Promise<ContactRow[]> {
  return queryRows<ContactRow>(db, sql`${selectContacts}
    where c.company_id = ${companyId} and c.partnership_id = ${partnershipId}
    order by da_sort_key(c.name) COLLATE "C", c.id`);
}

export async function findContact(db: Db, partnershipId: string, id: string): Promise<ContactRow | null> {
  const [row] = await queryRows<ContactRow>(db, sql`${selectContacts} where c.id = ${id} and c.partnership_id = ${partnershipId}`);
  return row ?? null;
}

/** A contact at the company with the same normalised name or the same e-mail (case-insensitive). */
export async function findDuplicateContact(db: Db, partnershipId: string, companyId: string, name: string,
  email: string | null | undefined, exceptId?: string): Promise<ContactRow | null> {
  const [row] = await queryRows<ContactRow>(db, sql`${selectContacts}
    where c.company_id = ${companyId} and c.partnership_id = ${partnershipId}
      and (samspil_search_norm(c.name) = samspil_search_norm(${name})
        or (${email ?? null}::text is not null and lower(c.email) = lower(${email ?? null}::text)))
      ${exceptId ? sql`and c.id <> ${exceptId}` : sql``}
    order by c.created_at limit 1`);
  return row ?? null;
}

/** Whether the production unit belongs to the company. */
export async function unitOfCompany(db: Db, unitId: string, companyId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from production_units where id = ${unitId} and company_id = ${companyId}`);
  return rows.length > 0;
}

export async function insertContact(db: Db, values: ContactInsert): Promise<string> {
  const [row] = await db.insert(companyContacts).values(values).returning({ id: companyContacts.id });
  return row.id;
}

export async function updateContact(db: Db, id: string, values: Partial<ContactInsert>): Promise<void> {
  await db.update(companyContacts).set({ ...values, updatedAt: new Date() }).where(eq(companyContacts.id, id));
}

export async function deleteContact(db: Db, partnershipId: string, id: string): Promise<void> {
  await db.delete(companyContacts).where(and(eq(companyContacts.id, id), eq(companyContacts.partnershipId, partnershipId)));
}

/** Names of the given contacts of a company in the partnership (for interaction participants). */
export function contactNames(db: Db, partnershipId: string, companyId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows(db, sql`select id, name from company_contacts
    where company_id = ${companyId} and partnership_id = ${partnershipId} and id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
}
