import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  offerCreateSchema, offerListQuerySchema, offerListSchema, offerProviderListSchema, offerSchema, offerUpdateSchema,
} from '../../../common/business-service';
import { authorize, requireActor } from '../../policy';
import * as service from './offers.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt ydelses-id.') });

/** A DELETE has no body: answer 401 before body parsing could answer 400 (the order is "who are you", then "is it valid"). */
async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** The offer catalogue (ydelser): read by the partnership's staff, kept by providers and curated by the secretariat. */
export async function registerOfferRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['business-service'];
  const db = () => app.deps.db;

  r.get('/api/v1/offers', {
    schema: {
      tags, summary: 'Ydelseskataloget: søg og filtrér på tema, udbyder, finansiering og status (dansk titelorden)',
      querystring: offerListQuerySchema, response: { 200: offerListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'offer.read');
    return service.list(db(), actor, request.query);
  });

  r.get('/api/v1/offers/providers', {
    schema: { tags, summary: 'Organisationer, der kan udbyde ydelser', response: { 200: offerProviderListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'offer.read');
    return service.providers(db(), actor);
  });

  r.post('/api/v1/offers', {
    schema: { tags, summary: 'Opret en ydelse (udbyderen selv eller sekretariatet)', body: offerCreateSchema, response: { 201: offerSchema } },
  }, async (request, reply) => {
    // Which organisation's offer it is needs the body: the service asks the policy again with it.
    const actor = authorize(request, 'offer.manage');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.body));
  });

  r.get('/api/v1/offers/:id', {
    schema: { tags, summary: 'En ydelse', params: idParams, response: { 200: offerSchema } },
  }, async (request) => {
    const actor = authorize(request, 'offer.read');
    return service.get(db(), actor, request.params.id);
  });

  r.patch('/api/v1/offers/:id', {
    schema: { tags, summary: 'Ret en ydelse (udbyderen selv eller sekretariatet)', params: idParams, body: offerUpdateSchema, response: { 200: offerSchema } },
  }, async (request) => {
    const actor = authorize(request, 'offer.manage');
    return service.update(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.delete('/api/v1/offers/:id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Slet en ydelse uden henvisninger (ellers arkivér den)', params: idParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'offer.manage');
    await service.remove(db(), { actor, ip: request.ip }, request.params.id);
    return reply.status(204).send();
  });
}
