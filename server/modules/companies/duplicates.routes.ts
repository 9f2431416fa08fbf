import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { companyDuplicatePageSchema, companyDuplicatesQuerySchema, duplicateDismissSchema } from '../../../common/duplicates';
import { authorize } from '../../policy';
import { registerCompanyDuplicateExportRoutes } from './duplicates-export.routes';
import * as service from './duplicates.service';

/** Likely duplicate companies (and their export) and "not a duplicate" decisions: /api/v1/duplicates/companies… */
export async function registerCompanyDuplicateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['companies'];

  r.get('/api/v1/duplicates/companies', {
    schema: {
      tags, summary: 'Mulige dubletter af virksomheder (håndoprettet mod CVR) med begrundelser, mest sandsynlige først',
      querystring: companyDuplicatesQuerySchema, response: { 200: companyDuplicatePageSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'duplicate.read');
    return service.listCompanyDuplicates(app.deps.db, actor, request.query);
  });

  r.post('/api/v1/duplicates/companies/dismiss', {
    schema: { tags, summary: '"Ikke en dublet": parret foreslås ikke igen i partnerskabet', body: duplicateDismissSchema },
  }, async (request, reply) => {
    // Deciding about a pair is for those who may merge it.
    const actor = authorize(request, 'company.merge');
    await service.dismissCompanyPair(app.deps.db, { actor, ip: request.ip }, request.body.aId, request.body.bId);
    return reply.status(204).send();
  });

  await registerCompanyDuplicateExportRoutes(app);
}
