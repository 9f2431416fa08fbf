import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { schoolClasses, schools } from '../../db/schema';
import { rows } from './db';

export type SchoolRecord = typeof schools.$inferSelect;
export type SchoolInsert = typeof schools.$inferInsert;
export type ClassRecord = typeof schoolClasses.$inferSelect;
export type ClassInsert = typeof schoolClasses.$inferInsert;

export interface SchoolRow {
  id: string; partnership_id: string; organisation_id: string | null; name: string; kind: string; municipality_code: number;
  municipality_name: string | null; street: string | null; postal_code: string | null; lat: number | null; lon: number | null;
  contact_name: string | null; contact_email: string | null; class_count: number; created_at: string | Date; updated_at: string | Date;
}

export interface SchoolFilter { partnershipId: string; municipality?: number; q?: string; id?: string }

function schoolWhere(f: SchoolFilter): SQL {
  const parts = [sql`s.partnership_id = ${f.partnershipId}`];
  if (f.id) parts.push(sql`s.id = ${f.id}`);
  if (f.municipality !== undefined) parts.push(sql`s.municipality_code = ${f.municipality}`);
  if (f.q) parts.push(sql`samspil_search_norm(s.name) like '%' || samspil_search_norm(${f.q}) || '%'`);
  return sql.join(parts, sql` and `);
}

export async function listSchools(db: Db, f: SchoolFilter, limit: number, offset: number): Promise<{ items: SchoolRow[]; total: number }> {
  const where = schoolWhere(f);
  const items = await rows<SchoolRow>(db, sql`
    select s.id, s.partnership_id, s.organisation_id, s.name, s.kind, s.municipality_code, m.name as municipality_name, s.street,
      s.postal_code, s.lat, s.lon, s.contact_name, s.contact_email, s.created_at, s.updated_at,
      (select count(*)::int from school_classes c where c.school_id = s.id) as class_count
    from schools s left join municipalities m on m.code = s.municipality_code
    where ${where}
    order by da_sort_key(s.name) collate "C", s.id
    limit ${limit} offset ${offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from schools s where ${where}`);
  return { items, total: count.n };
}

export async function getSchool(db: Db, partnershipId: string, id: string): Promise<SchoolRow | null> {
  return (await listSchools(db, { partnershipId, id }, 1, 0)).items[0] ?? null;
}

export async function findSchoolByName(db: Db, partnershipId: string, municipalityCode: number, name: string): Promise<SchoolRecord | null> {
  const [row] = await db.select().from(schools).where(and(
    eq(schools.partnershipId, partnershipId), eq(schools.municipalityCode, municipalityCode), eq(schools.name, name),
  )).limit(1);
  return row ?? null;
}

export async function insertSchool(db: Db, values: SchoolInsert): Promise<SchoolRecord> {
  const [row] = await db.insert(schools).values(values).returning();
  return row;
}

export async function updateSchool(db: Db, id: string, values: Partial<SchoolInsert>): Promise<SchoolRecord> {
  const [row] = await db.update(schools).set({ ...values, updatedAt: new Date() }).where(eq(schools.id, id)).returning();
  return row;
}

/** Deletes a school without classes or agreements; false when something still refers to it. */
export async function deleteSchool(db: Db, id: string): Promise<boolean> {
  const [used] = await rows<{ n: number }>(db, sql`
    select (select count(*) from school_classes where school_id = ${id}) + (select count(*) from school_agreements where school_id = ${id}) as n`);
  if (Number(used.n) > 0) return false;
  await db.delete(schools).where(eq(schools.id, id));
  return true;
}

export interface ClassRow {
  id: string; school_id: string; school_name: string; municipality_code: number; school_year: string; grade: number; letter: string;
  pupils: number; suitable_weeks: number[]; themes: string[]; teacher_name: string | null; teacher_email: string | null;
  created_at: string | Date; updated_at: string | Date;
}

export interface ClassFilter { partnershipId: string; schoolYear?: string; schoolId?: string; municipality?: number; grade?: number; id?: string }

function classWhere(f: ClassFilter): SQL {
  const parts = [sql`s.partnership_id = ${f.partnershipId}`];
  if (f.id) parts.push(sql`c.id = ${f.id}`);
  if (f.schoolYear) parts.push(sql`c.school_year = ${f.schoolYear}`);
  if (f.schoolId) parts.push(sql`c.school_id = ${f.schoolId}`);
  if (f.municipality !== undefined) parts.push(sql`s.municipality_code = ${f.municipality}`);
  if (f.grade !== undefined) parts.push(sql`c.grade = ${f.grade}`);
  return sql.join(parts, sql` and `);
}

export async function listClasses(db: Db, f: ClassFilter, limit: number, offset: number): Promise<{ items: ClassRow[]; total: number }> {
  const where = classWhere(f);
  const items = await rows<ClassRow>(db, sql`
    select c.id, c.school_id, s.name as school_name, s.municipality_code, c.school_year, c.grade, c.letter, c.pupils, c.suitable_weeks,
      c.themes, c.teacher_name, c.teacher_email, c.created_at, c.updated_at
    from school_classes c join schools s on s.id = c.school_id
    where ${where}
    order by da_sort_key(s.name) collate "C", c.school_year, c.grade, c.letter, c.id
    limit ${limit} offset ${offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from school_classes c join schools s on s.id = c.school_id where ${where}`);
  return { items, total: count.n };
}

export async function getClass(db: Db, partnershipId: string, id: string): Promise<ClassRow | null> {
  return (await listClasses(db, { partnershipId, id }, 1, 0)).items[0] ?? null;
}

export async function findClass(db: Db, schoolId: string, schoolYear: string, grade: number, letter: string): Promise<ClassRecord | null> {
  const [row] = await db.select().from(schoolClasses).where(and(
    eq(schoolClasses.schoolId, schoolId), eq(schoolClasses.schoolYear, schoolYear), eq(schoolClasses.grade, grade), eq(schoolClasses.letter, letter),
  )).limit(1);
  return row ?? null;
}

export async function insertClass(db: Db, values: ClassInsert): Promise<ClassRecord> {
  const [row] = await db.insert(schoolClasses).values(values).returning();
  return row;
}

export async function updateClass(db: Db, id: string, values: Partial<ClassInsert>): Promise<ClassRecord> {
  const [row] = await db.update(schoolClasses).set({ ...values, updatedAt: new Date() }).where(eq(schoolClasses.id, id)).returning();
  return row;
}

/** Deletes a class that no plan or constraint refers to; false otherwise. */
export async function deleteClass(db: Db, id: string): Promise<boolean> {
  const [used] = await rows<{ n: number }>(db, sql`
    select (select count(*) from allocation_assignments where class_id = ${id}) + (select count(*) from allocation_constraints where class_id = ${id}) as n`);
  if (Number(used.n) > 0) return false;
  await db.delete(schoolClasses).where(eq(schoolClasses.id, id));
  return true;
}

/** Known municipality codes among `codes`. */
export async function knownMunicipalities(db: Db, codes: readonly number[]): Promise<Set<number>> {
  if (codes.length === 0) return new Set();
  const found = await rows<{ code: number }>(db, sql`select code from municipalities where code = any(${`{${codes.join(',')}}`}::int[])`);
  return new Set(found.map((r) => r.code));
}

/** Known postal codes among `codes`, with their centroid. */
export async function postalCentroids(db: Db, codes: readonly string[]): Promise<Map<string, { lat: number | null; lon: number | null }>> {
  if (codes.length === 0) return new Map();
  const found = await rows<{ code: string; lat: number | null; lon: number | null }>(db, sql`
    select code, lat, lon from postal_codes where code = any(${`{${codes.join(',')}}`}::text[])`);
  return new Map(found.map((r) => [r.code, { lat: r.lat, lon: r.lon }]));
}
