import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';
import { companies } from '../../db/schema';

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyInsert = typeof companies.$inferInsert;

export interface CompanyDetailRow extends CompanyRow {
  municipalityName: string | null;
  industrySectionText: string | null;
}

export interface UnitRow {
  id: string;
  p_number: string;
  name: string;
  status: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_code: number | null;
  municipality_name: string | null;
  industry_code: string | null;
  industry_text: string | null;
  employees: number | null;
  advertising_protected: boolean;
}

export async function findCompanyById(db: Db, id: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  return row ?? null;
}

export async function findCompanyByCvr(db: Db, cvr: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.cvr, cvr)).limit(1);
  return row ?? null;
}

/** Names for the detail view: municipality from the municipalities table, section title from industry_codes. */
export async function lookupNames(db: Db, row: CompanyRow): Promise<{ municipalityName: string | null; industrySectionText: string | null }> {
  const result = await queryRows<{ municipality_name: string | null; section_text: string | null }>(db, sql`
    select (select name from municipalities where code = ${row.municipalityCode}) as municipality_name,
      (select title_da from industry_codes where classification = ${row.industryClassification}
        and code = ${row.industrySection} and level = 0) as section_text`);
  const r = result[0];
  return { municipalityName: r?.municipality_name ?? null, industrySectionText: r?.section_text ?? null };
}

export async function listUnits(db: Db, companyId: string): Promise<UnitRow[]> {
  const result = await queryRows<UnitRow>(db, sql`
    select p.id, p.p_number, p.name, p.status, p.street, p.postal_code, p.city, p.municipality_code,
      m.name as municipality_name, p.industry_code, p.industry_text, p.employees, p.advertising_protected
    from production_units p left join municipalities m on m.code = p.municipality_code
    where p.company_id = ${companyId}
    order by (p.status = 'active') desc, p.p_number`);
  return result;
}

export async function insertCompany(db: Db, values: CompanyInsert): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(values).returning();
  return row;
}

export async function updateCompany(db: Db, id: string, values: Partial<CompanyInsert>): Promise<CompanyRow> {
  const [row] = await db.update(companies).set({ ...values, updatedAt: new Date() }).where(eq(companies.id, id)).returning();
  return row;
}

/** Danish industry text for a DB07 code, when the reference data has it. */
export async function industryTitle(db: Db, code: string): Promise<string | null> {
  const result = await queryRows<{ title_da: string }>(db, sql`
    select title_da from industry_codes where classification = 'DB07' and code = ${code} limit 1`);
  return result[0]?.title_da ?? null;
}

/** Postal district and its main municipality, from the reference data. */
export async function postalLookup(db: Db, code: string): Promise<{ name: string; municipalityCode: number | null } | null> {
  const result = await queryRows<{ name: string; municipality_code: number | null }>(db, sql`
    select name, municipality_code from postal_codes where code = ${code} limit 1`);
  const r = result[0];
  return r ? { name: r.name, municipalityCode: r.municipality_code } : null;
}
