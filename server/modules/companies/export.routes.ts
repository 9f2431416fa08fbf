import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { companySearchQuerySchema } from '../../../common/companies';
import { exportQuerySchema, type ExportLanguage } from '../../../common/export';
import {
  authorizeExport, exportFilters, exportLanguage, headersIn, keysetBatches, sendExport, type ExportColumn,
} from '../../http/export';
import { searchSpecOf } from './companies.service';
import { companyExportPage, exportCursorOf, planCompanyExport, type CompanyExportRow } from './search-export.repo';

const statusLabels: Record<string, readonly [string, string]> = {
  active: ['Aktiv', 'Active'], ceased: ['Ophørt', 'Ceased'], formation: ['Under stiftelse', 'In formation'],
};

/** ANTAL_10_19 → 10–19, ANTAL_1000_999999 → 1000+ (the band as a reader of the sheet expects it). */
export function bandLabel(band: string | null): string | null {
  const m = band ? /^ANTAL_(\d+)_(\d+)$/.exec(band) : null;
  if (!m) return band;
  if (m[2] === '999999') return `${m[1]}+`;
  return m[1] === m[2] ? m[1] : `${m[1]}–${m[2]}`;
}

export function companyColumns(lang: ExportLanguage): ExportColumn<CompanyExportRow>[] {
  const i = lang === 'en' ? 1 : 0;
  const h = headersIn(lang, {
    cvr: ['CVR-nummer', 'CVR number'], name: ['Navn', 'Name'], status: ['Status', 'Status'], street: ['Adresse', 'Address'],
    postalCode: ['Postnr.', 'Postcode'], city: ['By', 'City'], municipalityCode: ['Kommunekode', 'Municipality code'],
    municipality: ['Kommune', 'Municipality'], industryCode: ['Branchekode', 'Industry code'], industry: ['Branche', 'Industry'],
    band: ['Ansatte (interval)', 'Employees (band)'], employees: ['Ansatte', 'Employees'],
    protected: ['Reklamebeskyttet', 'Advertising protected'],
  });
  const yesNo = (v: boolean) => (v ? ['Ja', 'Yes'] : ['Nej', 'No'])[i];
  return [
    { key: 'cvr', header: h.cvr, value: (r) => r.cvr, kind: 'text' },
    { key: 'name', header: h.name, value: (r) => r.name },
    { key: 'status', header: h.status, value: (r) => statusLabels[r.status]?.[i] ?? r.status },
    { key: 'street', header: h.street, value: (r) => r.street },
    { key: 'postalCode', header: h.postalCode, value: (r) => r.postal_code, kind: 'text' },
    { key: 'city', header: h.city, value: (r) => r.city },
    { key: 'municipalityCode', header: h.municipalityCode, value: (r) => r.municipality_code, kind: 'number' },
    { key: 'municipality', header: h.municipality, value: (r) => r.municipality_name },
    { key: 'industryCode', header: h.industryCode, value: (r) => r.industry_code, kind: 'text' },
    { key: 'industry', header: h.industry, value: (r) => r.industry_text },
    { key: 'band', header: h.band, value: (r) => bandLabel(r.employee_band), kind: 'text' },
    { key: 'employees', header: h.employees, value: (r) => r.employees, kind: 'number' },
    { key: 'protected', header: h.protected, value: (r) => yesNo(r.advertising_protected) },
  ];
}

const exportSchema = companySearchQuerySchema.omit({ limit: true, offset: true }).extend(exportQuerySchema.shape);

/**
 * GET /api/v1/companies/export: every company the search matches (same filters and order as
 * GET /api/v1/companies, without its 500-match cap), as CSV or XLSX.
 */
export async function registerCompanyExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/companies/export', {
    schema: {
      tags: ['companies', 'export'], summary: 'Eksportér alle virksomheder, søgningen finder (CSV eller XLSX)',
      querystring: exportSchema, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    authorizeExport(request, 'company.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    const plan = await planCompanyExport(app.deps.db, searchSpecOf({ ...query, limit: 1, offset: 0 }));
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'companies' : 'virksomheder',
      sheetName: language === 'en' ? 'Companies' : 'Virksomheder',
      columns: companyColumns(language),
      batches: keysetBatches((after, limit) => companyExportPage(app.deps.db, plan, after, limit), exportCursorOf),
      audit: { list: 'companies', filters: exportFilters(query) },
    });
  });
}
