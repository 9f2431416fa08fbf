import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRuns } from '../../db/schema';
import type { Rejection } from '../../import/report';
import type { CvrCompanyRecord, CvrUnitRecord } from './cvr.parse';
import { queryRows } from './query.repo';

/**
 * SQL of the CVR import. Each batch is ONE statement: the rows travel as a single JSON parameter
 * and are expanded with jsonb_to_recordset, which avoids the 65,535-parameter limit and the cost
 * of thousands of bind parameters on both engines.
 */

export async function upsertCompanies(db: Db, rows: CvrCompanyRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((r) => ({
    cvr: r.cvr, name: r.name, secondary_names: r.secondaryNames, legal_form: r.legalForm, status: r.status,
    start_date: r.startDate, end_date: r.endDate, street: r.street, postal_code: r.postalCode, city: r.city,
    municipality_code: r.municipalityCode, industry_classification: r.industryClassification,
    industry_code: r.industryCode, industry_section: r.industrySection, industry_text: r.industryText,
    secondary_industries: r.secondaryIndustries, employee_band: r.employeeBand, employees: r.employees,
    phone: r.phone, email: r.email, advertising_protected: r.advertisingProtected, cvr_updated_at: r.cvrUpdatedAt,
  })));
  await db.execute(sql`
    insert into companies (cvr, name, secondary_names, legal_form, status, start_date, end_date, street, postal_code,
      city, municipality_code, industry_classification, industry_code, industry_section, industry_text,
      secondary_industries, employee_band, employees, phone, email, advertising_protected, source, is_demo,
      cvr_updated_at, updated_at)
    select r.cvr, r.name, coalesce(r.secondary_names, '{}'), r.legal_form, r.status, r.start_date, r.end_date, r.street,
      r.postal_code, r.city, r.municipality_code, r.industry_classification, r.industry_code, r.industry_section,
      r.industry_text, coalesce(r.secondary_industries, '[]'::jsonb), r.employee_band, r.employees, r.phone, r.email,
      r.advertising_protected, 'cvr', false, r.cvr_updated_at, now()
    from json_to_recordset(${payload}::json) as r(cvr text, name text, secondary_names text[], legal_form text,
      status text, start_date date, end_date date, street text, postal_code text, city text, municipality_code int,
      industry_classification text, industry_code text, industry_section text, industry_text text,
      secondary_industries jsonb, employee_band text, employees int, phone text, email text,
      advertising_protected boolean, cvr_updated_at timestamptz)
    on conflict (cvr) do update set
      name = excluded.name, secondary_names = excluded.secondary_names, legal_form = excluded.legal_form,
      status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date,
      street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
      municipality_code = excluded.municipality_code, industry_classification = excluded.industry_classification,
      industry_code = excluded.industry_code, industry_section = excluded.industry_section,
      industry_text = excluded.industry_text, secondary_industries = excluded.secondary_industries,
      employee_band = excluded.employee_band, employees = excluded.employees,
      phone = coalesce(excluded.phone, companies.phone),
      email = coalesce(excluded.email, companies.email), advertising_protected = excluded.advertising_protected, source = 'cvr',
      is_demo = false, cvr_updated_at = excluded.cvr_updated_at, updated_at = now()`);
}

export async function upsertUnits(db: Db, rows: CvrUnitRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((r) => ({
    p_number: r.pNumber, cvr: r.cvr, name: r.name, status: r.status, start_date: r.startDate, end_date: r.endDate,
    street: r.street, postal_code: r.postalCode, city: r.city, municipality_code: r.municipalityCode,
    industry_code: r.industryCode, industry_text: r.industryText, employees: r.employees,
    employee_band: r.employeeBand, advertising_protected: r.advertisingProtected,
  })));
  await db.execute(sql`
    insert into production_units (p_number, company_id, cvr, name, status, start_date, end_date, street, postal_code,
      city, municipality_code, industry_code, industry_text, employees, employee_band, advertising_protected, updated_at)
    select r.p_number, c.id, r.cvr, r.name, r.status, r.start_date, r.end_date, r.street, r.postal_code, r.city,
      r.municipality_code, r.industry_code, r.industry_text, r.employees, r.employee_band, r.advertising_protected, now()
    from json_to_recordset(${payload}::json) as r(p_number text, cvr text, name text, status text, start_date date,
      end_date date, street text, postal_code text, city text, municipality_code int, industry_code text,
      industry_text text, employees int, employee_band text, advertising_protected boolean)
    left join companies c on c.cvr = r.cvr
    on conflict (p_number) do update set
      company_id = coalesce(excluded.company_id, production_units.company_id), cvr = coalesce(excluded.cvr, production_units.cvr),
      name = excluded.name, status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date,
      street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
      municipality_code = excluded.municipality_code, industry_code = excluded.industry_code,
      industry_text = excluded.industry_text, employees = excluded.employees, employee_band = excluded.employee_band,
      advertising_protected = excluded.advertising_protected, updated_at = now()`);
}

export interface UnitLink {
  pNumber: string;
  cvr: string;
  name: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

/**
 * A company document only lists its P-numbers. Unknown units get a placeholder (the company's
 * name); a unit already known from its own document keeps its details and only gets the link.
 */
/** A unit row that came only from a company's link list (no document of its own yet). */
const placeholder = sql`(production_units.street is null and production_units.municipality_code is null)`;

export async function linkUnits(db: Db, rows: UnitLink[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((r) => ({
    p_number: r.pNumber, cvr: r.cvr, name: r.name, status: r.status, start_date: r.startDate, end_date: r.endDate,
  })));
  await db.execute(sql`
    insert into production_units (p_number, company_id, cvr, name, status, start_date, end_date)
    select r.p_number, c.id, r.cvr, r.name, r.status, r.start_date, r.end_date
    from json_to_recordset(${payload}::json) as r(p_number text, cvr text, name text, status text,
      start_date date, end_date date)
    join companies c on c.cvr = r.cvr
    on conflict (p_number) do update set company_id = excluded.company_id, cvr = excluded.cvr,
      status = case when ${placeholder} then excluded.status else production_units.status end,
      end_date = case when ${placeholder} then excluded.end_date else production_units.end_date end`);
}

/** Units imported before their company: attach them once the company exists. */
export async function attachOrphanUnits(db: Db): Promise<void> {
  await db.execute(sql`
    update production_units p set company_id = c.id
    from companies c where p.company_id is null and p.cvr is not null and c.cvr = p.cvr`);
}

export async function insertImportRun(db: Db, run: {
  kind: string; source: string; startedAt: Date; status: string; read: number; written: number; rejections: Rejection[];
}): Promise<void> {
  await db.insert(importRuns).values({
    kind: run.kind, source: run.source, startedAt: run.startedAt, finishedAt: new Date(), status: run.status,
    read: run.read, written: run.written, rejected: run.rejections.length,
    rejections: run.rejections.slice(0, 1000),
  });
}

/**
 * After a bulk load: merge the GIN pending lists (searches otherwise scan them row by row) and refresh
 * planner statistics. VACUUM cannot run inside a transaction, so this follows the commit.
 */
export async function tidyAfterImport(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze companies`);
  await db.execute(sql`vacuum analyze production_units`);
}

/** True when the register has no company yet (a first, bulk load). */
export async function isRegisterEmpty(db: Db): Promise<boolean> {
  const rows = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from companies) as empty`);
  return rows[0]?.empty === true;
}

/**
 * For a first bulk load: drops the companies table's non-unique indexes and returns their definitions
 * (from pg_indexes, so they cannot drift from the migrations). Building an index once after the load
 * is much cheaper than updating it row by row. Call inside the import's transaction: DDL is
 * transactional, so a failed import gets its indexes back with the rollback.
 */
export async function suspendSecondaryIndexes(db: Db): Promise<string[]> {
  const rows = await queryRows<{ indexname: string; indexdef: string }>(db, sql`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename = 'companies' and indexdef not like 'CREATE UNIQUE INDEX%'
    order by indexname`);
  for (const row of rows) await db.execute(sql`drop index ${sql.identifier(row.indexname)}`);
  return rows.map((r) => r.indexdef);
}

/** Recreates indexes from the definitions suspendSecondaryIndexes returned. */
export async function restoreIndexes(db: Db, definitions: string[]): Promise<void> {
  for (const definition of definitions) await db.execute(sql.raw(definition));
}
