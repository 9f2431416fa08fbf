import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { certificateLabels, type Certificate } from '../../../common/recruitment';
import { exportQuerySchema } from '../../../common/export';
import { authorizeExport, exportFilters, exportLanguage, headersIn, offsetBatches, sendExport, type ExportColumn } from '../../http/export';
import type { CandidateListItem } from '../../../common/recruitment-candidates';
import { candidateExportQuerySchema } from '../../../common/recruitment-candidates';
import * as service from './candidates.service';

const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** The export's columns: the centre's own list with names, never CPR or contact details. */
export function candidateColumns(language: 'da' | 'en'): ExportColumn<CandidateListItem>[] {
  const h = headersIn(language, {
    ref: ['Reference', 'Reference'], externalRef: ['Jobcentrets id', 'Job centre id'], name: ['Navn', 'Name'],
    occupations: ['Erhverv', 'Occupations'], skills: ['Kompetencer', 'Skills'], certificates: ['Certifikater', 'Certificates'],
    educationLevel: ['Uddannelse', 'Education'], languages: ['Sprog', 'Languages'], postalCode: ['Postnummer', 'Postal code'],
    postalName: ['By', 'Town'], maxCommuteKm: ['Maks. km', 'Max km'], availableFrom: ['Ledig fra', 'Available from'],
    hoursPerWeek: ['Timer pr. uge', 'Hours per week'], targetGroup: ['Målgruppe', 'Target group'], active: ['Aktiv', 'Active'],
    lastActivityAt: ['Seneste aktivitet', 'Last activity'],
  });
  const i = language === 'en' ? 'en' : 'da';
  return [
    { key: 'ref', header: h.ref, value: (c) => c.ref },
    { key: 'externalRef', header: h.externalRef, value: (c) => c.externalRef },
    { key: 'name', header: h.name, value: (c) => c.name },
    { key: 'occupations', header: h.occupations, value: (c) => c.occupations.map((o) => o.label).join(', ') },
    { key: 'skills', header: h.skills, value: (c) => c.skills.map((s) => s.label).join(', ') },
    { key: 'certificates', header: h.certificates, value: (c) => c.certificates.map((x: Certificate) => certificateLabels[x][i]).join(', ') },
    { key: 'educationLevel', header: h.educationLevel, value: (c) => c.educationLevel },
    { key: 'languages', header: h.languages, value: (c) => c.languages.join(', ') },
    { key: 'postalCode', header: h.postalCode, value: (c) => c.postalCode, kind: 'text' },
    { key: 'postalName', header: h.postalName, value: (c) => c.postalName },
    { key: 'maxCommuteKm', header: h.maxCommuteKm, value: (c) => c.maxCommuteKm, kind: 'number' },
    { key: 'availableFrom', header: h.availableFrom, value: (c) => c.availableFrom, kind: 'date' },
    { key: 'hoursPerWeek', header: h.hoursPerWeek, value: (c) => c.hoursPerWeek, kind: 'number' },
    { key: 'targetGroup', header: h.targetGroup, value: (c) => c.targetGroup },
    { key: 'active', header: h.active, value: (c) => (c.active ? (i === 'en' ? 'yes' : 'ja') : (i === 'en' ? 'no' : 'nej')) },
    { key: 'lastActivityAt', header: h.lastActivityAt, value: (c) => new Date(c.lastActivityAt), kind: 'datetime' },
  ];
}

/** GET /api/v1/candidates/export?format=csv|xlsx: the caller's own centre's candidates (the list's filters, no paging). */
export async function registerCandidateExportRoute(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/candidates/export', {
    schema: {
      tags: ['recruitment', 'export'], summary: 'Eksportér eget jobcenters kandidater (aldrig CPR)', produces,
      querystring: candidateExportQuerySchema.extend(exportQuerySchema.shape),
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'candidate.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'candidates' : 'kandidater', columns: candidateColumns(language),
      batches: offsetBatches(async (limit, offset) => (await service.list(app.deps.db, actor, { ...query, scope: 'own', limit, offset })).items),
      audit: { list: 'candidates', filters: exportFilters(query) },
    });
  });
}
