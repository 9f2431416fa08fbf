import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';
import type { DemoCompany } from './demo-companies';

export async function demoCompaniesExist(db: Db): Promise<boolean> {
  const result = await queryRows<Record<string, unknown>>(db, sql`select 1 from companies where is_demo limit 1`);
  return result.length > 0;
}

/** One statement per batch for the companies and one for their units (rows as one JSON parameter). */
export async function insertDemoCompanies(db: Db, rows: DemoCompany[]): Promise<number> {
  if (rows.length === 0) return 0;
  const companies = JSON.stringify(rows.map((r) => ({
    cvr: r.cvr, name: r.name, legal_form: r.legalForm, status: r.status, start_date: r.startDate, end_date: r.endDate,
    street: r.street, postal_code: r.postalCode, city: r.city, municipality_code: r.municipalityCode,
    industry_code: r.industryCode, industry_section: r.industrySection, industry_text: r.industryText,
    employee_band: r.employeeBand, employees: r.employees, phone: r.phone, email: r.email,
    advertising_protected: r.advertisingProtected,
  })));
  const inserted = await queryRows<Record<string, unknown>>(db, sql`
    insert into companies (cvr, name, legal_form, status, start_date, end_date, street, postal_code, city,
      municipality_code, industry_classification, industry_code, industry_section, industry_text, employee_band,
      employees, phone, email, advertising_protected, source, is_demo)
    select r.cvr, r.name, r.legal_form, r.status, r.start_date, r.end_date, r.street, r.postal_code, r.city,
      r.municipality_code, 'DB07', r.industry_code, r.industry_section, r.industry_text, r.employee_band, r.employees,
      r.phone, r.email, r.advertising_protected, 'demo', true
    from jsonb_to_recordset(${companies}::jsonb) as r(cvr text, name text, legal_form text, status text,
      start_date date, end_date date, street text, postal_code text, city text, municipality_code int,
      industry_code text, industry_section text, industry_text text, employee_band text, employees int,
      phone text, email text, advertising_protected boolean)
    on conflict (cvr) do nothing
    returning id`);
  const units = rows.flatMap((r) => r.units);
  if (units.length > 0) {
    const payload = JSON.stringify(units.map((u) => ({
      p_number: u.pNumber, cvr: u.cvr, name: u.name, status: u.status, start_date: u.startDate, end_date: u.endDate,
      street: u.street, postal_code: u.postalCode, city: u.city, municipality_code: u.municipalityCode,
      industry_code: u.industryCode, industry_text: u.industryText, employees: u.employees,
      employee_band: u.employeeBand, advertising_protected: u.advertisingProtected,
    })));
    await db.execute(sql`
      insert into production_units (p_number, company_id, cvr, name, status, start_date, end_date, street, postal_code,
        city, municipality_code, industry_code, industry_text, employees, employee_band, advertising_protected, is_demo)
      select r.p_number, c.id, r.cvr, r.name, r.status, r.start_date, r.end_date, r.street, r.postal_code, r.city,
        r.municipality_code, r.industry_code, r.industry_text, r.employees, r.employee_band, r.advertising_protected, true
      from jsonb_to_recordset(${payload}::jsonb) as r(p_number text, cvr text, name text, status text, start_date date,
        end_date date, street text, postal_code text, city text, municipality_code int, industry_code text,
        industry_text text, employees int, employee_band text, advertising_protected boolean)
      join companies c on c.cvr = r.cvr
      on conflict (p_number) do nothing`);
  }
  return inserted.length;
}
