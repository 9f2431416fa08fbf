import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  companyCreateSchema, companyDetailSchema, companySearchQuerySchema, companySearchResultSchema, companyUpdateSchema, cvrSchema,
} from '../../../common/companies';
import { authorize } from '../../policy';
import * as service from './companies.service';
import { redirectIfMerged } from './merge.routes';

const idParams = z.object({ id: z.string().uuid('Ugyldigt virksomheds-id.') });
const cvrParams = z.object({ cvr: cvrSchema });

const contextOf = (request: FastifyRequest, actor: ReturnType<typeof authorize>) => ({ actor, ip: request.ip });

/** The shared company register: search, detail, manual create and edit. */
export async function registerCompanyRegisterRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['companies'];

  r.get('/api/v1/companies', {
    schema: {
      tags, summary: 'Søg virksomheder (navn med stavefejl, CVR, P-nummer, adresse) med filtre',
      querystring: companySearchQuerySchema, response: { 200: companySearchResultSchema },
    },
  }, async (request) => {
    authorize(request, 'company.read');
    return service.search(app.deps.db, request.query);
  });

  r.get('/api/v1/companies/by-cvr/:cvr', {
    schema: { tags, summary: 'Virksomhed efter CVR-nummer', params: cvrParams, response: { 200: companyDetailSchema } },
  }, async (request) => {
    authorize(request, 'company.read');
    return service.getDetail(app.deps.db, await service.getByCvr(app.deps.db, request.params.cvr));
  });

  r.get('/api/v1/companies/:id', {
    schema: { tags, summary: 'Virksomhed med P-enheder', params: idParams, response: { 200: companyDetailSchema } },
  }, async (request, reply) => {
    authorize(request, 'company.read');
    if (await redirectIfMerged(app.deps.db, reply, request.params.id)) return reply;
    return service.getDetail(app.deps.db, await service.getById(app.deps.db, request.params.id));
  });

  r.post('/api/v1/companies', {
    schema: { tags, summary: 'Opret virksomhed manuelt (uden CVR: under stiftelse)', body: companyCreateSchema, response: { 201: companyDetailSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'company.create');
    const row = await service.create(app.deps.db, contextOf(request, actor), request.body);
    return reply.status(201).send(await service.getDetail(app.deps.db, row));
  });

  r.patch('/api/v1/companies/:id', {
    schema: { tags, summary: 'Ret virksomhed (CVR-stamdata kun telefon og e-mail)', params: idParams, body: companyUpdateSchema, response: { 200: companyDetailSchema } },
  }, async (request) => {
    const actor = authorize(request, 'company.update');
    const row = await service.update(app.deps.db, contextOf(request, actor), request.params.id, request.body);
    return service.getDetail(app.deps.db, row);
  });
}
