import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementCreateSchema, agreementDashboardQuerySchema, agreementDashboardSchema, agreementListQuerySchema, agreementListSchema,
  agreementSchema, agreementUpdateSchema,
  currentSchoolYear,
} from '../../../common/schools';
import { authorize } from '../../policy';
import * as service from './agreements.service';
import { signedIn } from './schools.routes';

const idParams = z.object({ id: z.string().uuid('Ugyldigt aftale-id.') });

/** Collaboration agreements (samarbejdsaftaler) and the dashboard against the target of three per municipality. */
export async function registerAgreementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  const db = () => app.deps.db;

  r.get('/api/v1/agreements', { schema: { tags, summary: 'Samarbejdsaftaler', querystring: agreementListQuerySchema, response: { 200: agreementListSchema } } },
    async (request) => service.listAgreements(db(), authorize(request, 'agreement.read'), request.query));
  r.get('/api/v1/agreements/dashboard', {
    schema: { tags, summary: 'Aftaler pr. kommune mod målet (mindst 3) og andel fordelte 7.-klasser', querystring: agreementDashboardQuerySchema, response: { 200: agreementDashboardSchema } },
  }, async (request) => service.dashboard(db(), authorize(request, 'agreement.read'), request.query.schoolYear ?? currentSchoolYear()));
  r.post('/api/v1/agreements', { schema: { tags, summary: 'Opret en samarbejdsaftale', body: agreementCreateSchema, response: { 201: agreementSchema } } },
    async (request, reply) => reply.status(201).send(await service.createAgreement(db(), { actor: authorize(request, 'agreement.write'), ip: request.ip }, request.body)));
  r.get('/api/v1/agreements/:id', { schema: { tags, summary: 'En samarbejdsaftale', params: idParams, response: { 200: agreementSchema } } },
    async (request) => service.getAgreement(db(), authorize(request, 'agreement.read'), request.params.id));
  r.patch('/api/v1/agreements/:id', { schema: { tags, summary: 'Ret en samarbejdsaftale', params: idParams, body: agreementUpdateSchema, response: { 200: agreementSchema } } },
    async (request) => service.updateAgreement(db(), { actor: authorize(request, 'agreement.write'), ip: request.ip }, request.params.id, request.body));
  r.delete('/api/v1/agreements/:id', { onRequest: signedIn, schema: { tags, summary: 'Slet en samarbejdsaftale', params: idParams } },
    async (request, reply) => {
      await service.deleteAgreement(db(), { actor: authorize(request, 'agreement.write'), ip: request.ip }, request.params.id);
      return reply.status(204).send();
    });
}
