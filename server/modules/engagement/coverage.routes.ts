import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tierSchema } from '../../../common/engagement';
import {
  coverageCompaniesQuerySchema, coverageCompaniesSchema, coverageMapSchema, coverageQuerySchema, coverageSchema, tierTargetSetSchema,
} from '../../../common/engagement-coverage';
import { authorize } from '../../policy';
import { registerCoverageExportRoutes } from './coverage-export.routes';
import * as service from './coverage.service';
import { setTierTarget } from './tiers-admin.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });

/**
 * Contact coverage against the organisation's targets: the dashboard's figures (aggregates, analysts too),
 * the companies behind a figure (not for analysts), the map's boundaries, their exports and setting a tier's
 * target. `?organisation=` shows another organisation of the partnership (coverage.read_all).
 */
export async function registerCoverageRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.put('/api/v1/engagement/tiers/:id/target', {
    schema: { tags, summary: 'Sæt målet for et kontaktniveau (antal dækkede virksomheder; null fjerner målet)', params: idParams, body: tierTargetSetSchema, response: { 200: tierSchema } },
  }, async (request) => {
    const actor = authorize(request, 'target.manage');
    return setTierTarget(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.get('/api/v1/engagement/coverage', {
    schema: {
      tags, summary: 'Kontaktdækning mod mål: nu og måned for måned, pr. niveau, konsulent og kommune', querystring: coverageQuerySchema,
      response: { 200: coverageSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'coverage.read');
    return service.coverage(db(), actor, await service.coverageScope(db(), actor, request.query.organisation));
  });

  r.get('/api/v1/engagement/coverage/companies', {
    schema: { tags, summary: 'Virksomhederne bag et dækningstal, i dansk alfabetisk orden', querystring: coverageCompaniesQuerySchema, response: { 200: coverageCompaniesSchema } },
  }, async (request) => {
    const actor = authorize(request, 'coverage.companies');
    return service.coverageCompanies(db(), await service.coverageScope(db(), actor, request.query.organisation), request.query);
  });

  r.get('/api/v1/engagement/coverage/map', {
    schema: {
      tags, summary: 'Partnerskabets kommunegrænser, forenklede, som GeoJSON til dækningskortet', querystring: coverageQuerySchema,
      response: { 200: coverageMapSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'coverage.read');
    return service.coverageMap(db(), actor, await service.coverageScope(db(), actor, request.query.organisation));
  });

  await registerCoverageExportRoutes(app);
}
