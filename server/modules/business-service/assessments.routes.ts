import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentCreateSchema, assessmentSchema, assessmentUpdateSchema, assessmentVersionListSchema, companyAssessmentsSchema,
} from '../../../common/business-service';
import { exportQuerySchema } from '../../../common/export';
import { authorizeExport, exportLanguage, sendExport } from '../../http/export';
import { authorize } from '../../policy';
import { assessmentColumns } from './assessments.export';
import * as service from './assessments.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const idParams = z.object({ id: z.string().uuid('Ugyldigt id for behovsafdækningen.') });
const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Needs assessments (behovsafdækninger). Each is dated and kept; another organisation reads one only with
 * the company's recorded consent (the service decides, in the API, the timeline and the export alike).
 */
export async function registerAssessmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['business-service'];
  const db = () => app.deps.db;

  r.get('/api/v1/companies/:companyId/assessments', {
    schema: {
      tags, summary: 'Virksomhedens behovsafdækninger (nyeste først) og hvordan behovene har ændret sig',
      params: companyParams, response: { 200: companyAssessmentsSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'assessment.read');
    return service.forCompany(db(), actor, request.params.companyId);
  });

  r.post('/api/v1/companies/:companyId/assessments', {
    schema: {
      tags, summary: 'Registrér en behovsafdækning efter et besøg', params: companyParams,
      body: assessmentCreateSchema, response: { 201: assessmentSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'assessment.write');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.params.companyId, request.body));
  });

  r.get('/api/v1/companies/:companyId/assessments/export', {
    schema: {
      tags: [...tags, 'export'], summary: 'Eksportér virksomhedens behovsafdækninger (andre organisationers kun med samtykke)',
      produces, params: companyParams, querystring: exportQuerySchema,
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'assessment.read');
    const { companyId } = request.params;
    const language = exportLanguage(request, request.query.lang);
    const { items } = await service.forCompany(db(), actor, companyId);
    return sendExport(reply, request.query.format, {
      fileName: language === 'en' ? 'needs-assessments' : 'behovsafdaekninger', columns: assessmentColumns(language),
      // A company has a handful of assessments: one batch, read through the list's own service.
      batches: (async function* () { if (items.length > 0) yield items; })(),
      audit: { list: 'needs_assessments', filters: { companyId } },
    });
  });

  r.get('/api/v1/assessments/:id', {
    schema: { tags, summary: 'En behovsafdækning', params: idParams, response: { 200: assessmentSchema } },
  }, async (request) => {
    const actor = authorize(request, 'assessment.read');
    return service.get(db(), actor, request.params.id);
  });

  r.patch('/api/v1/assessments/:id', {
    schema: {
      tags, summary: 'Ret en behovsafdækning (kun egen organisations; tidligere versioner bevares)', params: idParams,
      body: assessmentUpdateSchema, response: { 200: assessmentSchema },
    },
  }, async (request) => {
    // The organisation check needs the record: the service asks the policy again with it.
    const actor = authorize(request, 'assessment.write');
    return service.update(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.get('/api/v1/assessments/:id/versions', {
    schema: { tags, summary: 'Alle gemte versioner af en behovsafdækning, ældste først', params: idParams, response: { 200: assessmentVersionListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'assessment.read');
    return service.versions(db(), actor, request.params.id);
  });
}
