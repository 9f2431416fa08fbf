import type { z } from 'zod';
import type { CompanyDetail, CompanySummary, productionUnitSchema } from '../../../common/companies';
import type { CompanyDetailRow, UnitRow } from './companies.repo';
import type { CompanySummaryRow } from './search.repo';

type Status = CompanySummary['status'];
type Source = CompanyDetail['source'];
const dateOnly = (d: string | Date | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const iso = (d: string | Date | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentSummary(row: CompanySummaryRow): CompanySummary {
  return {
    id: row.id, cvr: row.cvr, name: row.name, status: row.status as Status, street: row.street,
    postalCode: row.postal_code, city: row.city, municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name, industryCode: row.industry_code, industryText: row.industry_text,
    employeeBand: row.employee_band, employees: row.employees, advertisingProtected: row.advertising_protected,
    isDemo: row.is_demo, matchedBy: row.matched_by,
  };
}

export function presentUnit(row: UnitRow): z.infer<typeof productionUnitSchema> {
  return {
    id: row.id, pNumber: row.p_number, name: row.name, status: row.status, street: row.street,
    postalCode: row.postal_code, city: row.city, municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name, industryCode: row.industry_code, industryText: row.industry_text,
    employees: row.employees, advertisingProtected: row.advertising_protected,
  };
}

export function presentDetail(row: CompanyDetailRow, units: UnitRow[]): CompanyDetail {
  return {
    id: row.id, cvr: row.cvr, name: row.name, status: row.status as Status, street: row.street,
    postalCode: row.postalCode, city: row.city, municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName, industryCode: row.industryCode, industryText: row.industryText,
    employeeBand: row.employeeBand, employees: row.employees, advertisingProtected: row.advertisingProtected,
    isDemo: row.isDemo, secondaryNames: row.secondaryNames, legalForm: row.legalForm,
    startDate: dateOnly(row.startDate), endDate: dateOnly(row.endDate),
    industryClassification: row.industryClassification, industrySection: row.industrySection,
    industrySectionText: row.industrySectionText,
    secondaryIndustries: Array.isArray(row.secondaryIndustries)
      ? (row.secondaryIndustries as { code: string; text?: string | null }[]).map((s) => ({ code: String(s.code), text: s.text ?? null }))
      : [],
    phone: row.phone, email: row.email, source: row.source as Source,
    cvrUpdatedAt: iso(row.cvrUpdatedAt), updatedAt: iso(row.updatedAt) as string,
    productionUnits: units.map(presentUnit),
  };
}
