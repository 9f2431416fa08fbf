import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hostOfferCreateSchema, hostOfferListQuerySchema, hostOfferListSchema, hostOfferSchema, hostOfferUpdateSchema, tutorCreateSchema,
  tutorListQuerySchema, tutorListSchema, tutorSchema, tutorUpdateSchema,
} from '../../../common/schools';
import { authorize } from '../../policy';
import * as service from './host-offers.service';
import { signedIn } from './schools.routes';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });

/** Host offers (companies' weeks, classes per week, address) and tutors. Company users keep only their own company's offers. */
export async function registerHostOfferRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  const db = () => app.deps.db;

  r.get('/api/v1/host-offers', { schema: { tags, summary: 'Værtstilbud (en virksomhedsbruger ser kun sin egen virksomheds)', querystring: hostOfferListQuerySchema, response: { 200: hostOfferListSchema } } },
    async (request) => service.listHostOffers(db(), authorize(request, 'host_offer.read'), request.query));
  r.post('/api/v1/host-offers', { schema: { tags, summary: 'Opret et værtstilbud', body: hostOfferCreateSchema, response: { 201: hostOfferSchema } } },
    // The company decides: the service asks the policy again with it.
    async (request, reply) => reply.status(201).send(await service.createHostOffer(db(), { actor: authorize(request, 'host_offer.write'), ip: request.ip }, request.body)));
  r.get('/api/v1/host-offers/:id', { schema: { tags, summary: 'Et værtstilbud', params: idParams, response: { 200: hostOfferSchema } } },
    async (request) => service.getHostOffer(db(), authorize(request, 'host_offer.read'), request.params.id));
  r.patch('/api/v1/host-offers/:id', { schema: { tags, summary: 'Ret et værtstilbud', params: idParams, body: hostOfferUpdateSchema, response: { 200: hostOfferSchema } } },
    async (request) => service.updateHostOffer(db(), { actor: authorize(request, 'host_offer.write'), ip: request.ip }, request.params.id, request.body));
  r.delete('/api/v1/host-offers/:id', { onRequest: signedIn, schema: { tags, summary: 'Slet et værtstilbud, der ikke er brugt', params: idParams } },
    async (request, reply) => {
      await service.deleteHostOffer(db(), { actor: authorize(request, 'host_offer.write'), ip: request.ip }, request.params.id);
      return reply.status(204).send();
    });

  r.get('/api/v1/tutors', { schema: { tags, summary: 'Tutorer (erhvervsskoleelever og -lærere)', querystring: tutorListQuerySchema, response: { 200: tutorListSchema } } },
    async (request) => service.listTutors(db(), authorize(request, 'school.read'), request.query));
  r.post('/api/v1/tutors', { schema: { tags, summary: 'Opret en tutor', body: tutorCreateSchema, response: { 201: tutorSchema } } },
    async (request, reply) => reply.status(201).send(await service.createTutor(db(), { actor: authorize(request, 'school.write'), ip: request.ip }, request.body)));
  r.patch('/api/v1/tutors/:id', { schema: { tags, summary: 'Ret en tutor', params: idParams, body: tutorUpdateSchema, response: { 200: tutorSchema } } },
    async (request) => service.updateTutor(db(), { actor: authorize(request, 'school.write'), ip: request.ip }, request.params.id, request.body));
  r.delete('/api/v1/tutors/:id', { onRequest: signedIn, schema: { tags, summary: 'Slet en tutor', params: idParams } },
    async (request, reply) => {
      await service.deleteTutor(db(), { actor: authorize(request, 'school.write'), ip: request.ip }, request.params.id);
      return reply.status(204).send();
    });
}
