import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hostOffers, tutors } from '../../db/schema';
import { rows } from './db';

export type HostOfferInsert = typeof hostOffers.$inferInsert;
export type TutorInsert = typeof tutors.$inferInsert;

/** A host offer with its company and the address the class comes to (own → P-unit → company). */
export interface HostOfferRow {
  id: string; partnership_id: string; company_id: string; company_name: string; cvr: string | null; production_unit_id: string | null;
  school_year: string; weeks: number[]; classes_per_week: number; max_pupils: number; themes: string[];
  street: string | null; postal_code: string | null; city: string | null; municipality_code: number | null; municipality_name: string | null;
  lat: number | null; lon: number | null; accessibility_notes: string | null; contact_name: string | null; contact_email: string | null;
  contact_phone: string | null; active: boolean; created_at: string | Date; updated_at: string | Date;
}

export interface HostOfferFilter {
  partnershipId: string; id?: string; schoolYear?: string; companyId?: string; municipality?: number; active?: boolean; ids?: string[];
}

function where(f: HostOfferFilter): SQL {
  const parts = [sql`h.partnership_id = ${f.partnershipId}`];
  if (f.id) parts.push(sql`h.id = ${f.id}`);
  if (f.ids) parts.push(sql`h.id = any(${`{${f.ids.join(',')}}`}::uuid[])`);
  if (f.schoolYear) parts.push(sql`h.school_year = ${f.schoolYear}`);
  if (f.companyId) parts.push(sql`h.company_id = ${f.companyId}`);
  if (f.active !== undefined) parts.push(sql`h.active = ${f.active}`);
  if (f.municipality !== undefined) parts.push(sql`coalesce(h.municipality_code, pu.municipality_code, c.municipality_code) = ${f.municipality}`);
  return sql.join(parts, sql` and `);
}

const select = sql`
  select h.id, h.partnership_id, h.company_id, c.name as company_name, c.cvr, h.production_unit_id, h.school_year, h.weeks,
    h.classes_per_week, h.max_pupils, h.themes,
    case when h.street is not null or h.postal_code is not null then h.street else coalesce(pu.street, c.street) end as street,
    coalesce(h.postal_code, pu.postal_code, c.postal_code) as postal_code,
    case when h.postal_code is not null then pc.name else coalesce(pu.city, c.city) end as city,
    coalesce(h.municipality_code, pu.municipality_code, c.municipality_code) as municipality_code, m.name as municipality_name,
    h.lat, h.lon, h.accessibility_notes, h.contact_name, h.contact_email, h.contact_phone, h.active, h.created_at, h.updated_at
  from host_offers h
  join companies c on c.id = h.company_id
  left join production_units pu on pu.id = h.production_unit_id
  left join postal_codes pc on pc.code = h.postal_code
  left join municipalities m on m.code = coalesce(h.municipality_code, pu.municipality_code, c.municipality_code)`;

export async function listHostOffers(db: Db, f: HostOfferFilter, limit: number, offset: number): Promise<{ items: HostOfferRow[]; total: number }> {
  const w = where(f);
  const items = await rows<HostOfferRow>(db, sql`${select} where ${w}
    order by h.school_year desc, da_sort_key(c.name) collate "C", h.id limit ${limit} offset ${offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from host_offers h join companies c on c.id = h.company_id
    left join production_units pu on pu.id = h.production_unit_id where ${w}`);
  return { items, total: count.n };
}

export async function getHostOffer(db: Db, partnershipId: string, id: string): Promise<HostOfferRow | null> {
  return (await listHostOffers(db, { partnershipId, id }, 1, 0)).items[0] ?? null;
}

export async function insertHostOffer(db: Db, values: HostOfferInsert): Promise<string> {
  const [row] = await db.insert(hostOffers).values(values).returning({ id: hostOffers.id });
  return row.id;
}

export async function updateHostOffer(db: Db, id: string, values: Partial<HostOfferInsert>): Promise<void> {
  await db.update(hostOffers).set({ ...values, updatedAt: new Date() }).where(eq(hostOffers.id, id));
}

/** Deletes an offer no plan or constraint uses; false otherwise (deactivate it instead). */
export async function deleteHostOffer(db: Db, id: string): Promise<boolean> {
  const [used] = await rows<{ n: number }>(db, sql`
    select (select count(*) from allocation_assignments where host_offer_id = ${id}) + (select count(*) from allocation_constraints where host_offer_id = ${id}) as n`);
  if (Number(used.n) > 0) return false;
  await db.delete(hostOffers).where(eq(hostOffers.id, id));
  return true;
}

export async function companyExists(db: Db, companyId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await rows<{ id: string; name: string }>(db, sql`select id, name from companies where id = ${companyId}`);
  return row ?? null;
}

export async function productionUnitOf(db: Db, id: string): Promise<{ company_id: string | null } | null> {
  const [row] = await rows<{ company_id: string | null }>(db, sql`select company_id from production_units where id = ${id}`);
  return row ?? null;
}

export interface TutorRow {
  id: string; partnership_id: string; school_year: string; name: string; institution: string; kind: string;
  municipality_code: number | null; postal_code: string | null; lat: number | null; lon: number | null; weeks: number[];
  max_classes: number; contact_email: string | null; created_at: string | Date;
}

export async function listTutors(db: Db, f: { partnershipId: string; schoolYear?: string; id?: string }, limit: number, offset: number): Promise<{ items: TutorRow[]; total: number }> {
  const parts = [sql`partnership_id = ${f.partnershipId}`];
  if (f.schoolYear) parts.push(sql`school_year = ${f.schoolYear}`);
  if (f.id) parts.push(sql`id = ${f.id}`);
  const w = sql.join(parts, sql` and `);
  const items = await rows<TutorRow>(db, sql`select id, partnership_id, school_year, name, institution, kind, municipality_code, postal_code,
    lat, lon, weeks, max_classes, contact_email, created_at from tutors where ${w}
    order by school_year desc, da_sort_key(name) collate "C", id limit ${limit} offset ${offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from tutors where ${w}`);
  return { items, total: count.n };
}

export async function insertTutor(db: Db, values: TutorInsert): Promise<string> {
  const [row] = await db.insert(tutors).values(values).returning({ id: tutors.id });
  return row.id;
}

export async function updateTutor(db: Db, id: string, values: Partial<TutorInsert>): Promise<void> {
  await db.update(tutors).set(values).where(eq(tutors.id, id));
}

/** Deletes a tutor no plan uses; false otherwise. */
export async function deleteTutor(db: Db, id: string): Promise<boolean> {
  const [used] = await rows<{ n: number }>(db, sql`select count(*)::int as n from allocation_assignments where tutor_id = ${id}`);
  if (used.n > 0) return false;
  await db.delete(tutors).where(eq(tutors.id, id));
  return true;
}
