import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { companyDuplicatesQuerySchema, type CompanyDuplicatePair, type DuplicateCompany, type DuplicateReason } from '../../../common/duplicates';
import { exportQuerySchema, type ExportLanguage } from '../../../common/export';
import { authorizeExport, exportFilters, exportLanguage, headersIn, offsetBatches, sendExport, type ExportColumn } from '../../http/export';
import { listCompanyDuplicates } from './duplicates.service';

type Pair = readonly [da: string, en: string];
const pick = (lang: ExportLanguage, pair: Pair) => pair[lang === 'en' ? 1 : 0];

const sources: Record<DuplicateCompany['source'], Pair> = { cvr: ['CVR-registret', 'CVR register'], manual: ['Oprettet i hånden', 'Created by hand'], demo: ['Demodata', 'Demo data'] };
const statuses: Record<string, Pair> = { active: ['Aktiv', 'Active'], ceased: ['Ophørt', 'Ceased'], formation: ['Under stiftelse', 'In formation'] };
const reasonsEn: Record<DuplicateReason['code'], string> = {
  same_name: 'same name', similar_name: 'similar names', same_address: 'same address', same_phone: 'same phone', same_email: 'same e-mail',
};

/** The reasons as one cell: the service's Danish text, or the same facts in English ("similar names (0.82)"). */
export function reasonsText(lang: ExportLanguage, reasons: DuplicateReason[]): string {
  if (lang === 'da') return reasons.map((r) => r.text).join('; ');
  return reasons.map((r) => (r.code === 'similar_name' && r.similarity !== null ? `${reasonsEn[r.code]} (${r.similarity.toFixed(2)})` : reasonsEn[r.code])).join('; ');
}

/** One side of the pair as columns: `keep` is the suggested survivor (listed first by the service), `other` the duplicate. */
function sideColumns(lang: ExportLanguage, side: 'a' | 'b'): ExportColumn<CompanyDuplicatePair>[] {
  const label = pick(lang, side === 'a' ? ['bevares', 'keep'] : ['dublet', 'duplicate']);
  const h = headersIn(lang, {
    name: ['Navn', 'Name'], cvr: ['CVR-nummer', 'CVR number'], source: ['Kilde', 'Source'], status: ['Status', 'Status'],
    street: ['Adresse', 'Address'], postalCode: ['Postnr.', 'Postcode'], city: ['By', 'City'], phone: ['Telefon', 'Phone'],
    email: ['E-mail', 'E-mail'], created: ['Oprettet', 'Created'],
  });
  const c = (r: CompanyDuplicatePair) => r[side];
  const col = (key: keyof typeof h, value: (x: DuplicateCompany) => string | null, kind?: ExportColumn<CompanyDuplicatePair>['kind']) =>
    ({ key: `${side}.${key}`, header: `${h[key]} (${label})`, value: (r: CompanyDuplicatePair) => value(c(r)), kind });
  return [
    col('name', (x) => x.name), col('cvr', (x) => x.cvr, 'text'), col('source', (x) => pick(lang, sources[x.source])),
    col('status', (x) => (statuses[x.status] ? pick(lang, statuses[x.status]) : x.status)), col('street', (x) => x.street),
    col('postalCode', (x) => x.postalCode, 'text'), col('city', (x) => x.city), col('phone', (x) => x.phone, 'text'),
    col('email', (x) => x.email), col('created', (x) => x.createdAt, 'date'),
  ];
}

export function duplicateColumns(lang: ExportLanguage): ExportColumn<CompanyDuplicatePair>[] {
  const h = headersIn(lang, { score: ['Score', 'Score'], reasons: ['Begrundelse', 'Reasons'], choice: ['Begge kan bevares', 'Either may be kept'] });
  return [
    { key: 'score', header: h.score, value: (r) => r.score, kind: 'number' },
    { key: 'reasons', header: h.reasons, value: (r) => reasonsText(lang, r.reasons) },
    ...sideColumns(lang, 'a'),
    ...sideColumns(lang, 'b'),
    { key: 'choice', header: h.choice, value: (r) => pick(lang, r.survivorChoice ? ['Ja', 'Yes'] : ['Nej', 'No']) },
  ];
}

/** GET /api/v1/duplicates/companies/export: every likely duplicate pair of the partnership, most likely first. */
export async function registerCompanyDuplicateExportRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/duplicates/companies/export', {
    schema: {
      tags: ['companies', 'export'], summary: 'Eksportér alle mulige dubletter af virksomheder (CSV eller XLSX), mest sandsynlige først',
      querystring: companyDuplicatesQuerySchema.omit({ page: true, limit: true }).extend(exportQuerySchema.shape),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'duplicate.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'duplicate-companies' : 'dubletter', sheetName: language === 'en' ? 'Duplicates' : 'Dubletter',
      columns: duplicateColumns(language),
      batches: offsetBatches(async (limit, offset) => (await listCompanyDuplicates(app.deps.db, actor, { page: offset / limit + 1, limit })).items),
      audit: { list: 'company_duplicates', filters: exportFilters(query) },
    });
  });
}
