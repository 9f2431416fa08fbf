import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  interactionCreateSchema, interactionListQuerySchema, interactionListSchema, interactionSchema, interactionUpdateSchema,
} from '../../../common/engagement';
import { authorize } from '../../policy';
import { signedIn } from './signed-in';
import * as service from './interactions.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const idParams = z.object({ id: z.string().uuid('Ugyldigt kontakt-id.') });

/** Interactions (virksomhedskontakter). Confidential content is redacted by the presenter for other organisations. */
export async function registerInteractionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/companies/:companyId/interactions', {
    schema: {
      tags, summary: 'Virksomhedens kontakter, nyeste først', params: companyParams, querystring: interactionListQuerySchema,
      response: { 200: interactionListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'interaction.read');
    return service.list(db(), actor, request.params.companyId, request.query);
  });

  r.post('/api/v1/companies/:companyId/interactions', {
    schema: {
      tags, summary: 'Registrér en kontakt (besøg, opkald, møde, e-mail, arrangement)', params: companyParams,
      body: interactionCreateSchema, response: { 201: interactionSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'interaction.write');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.params.companyId, request.body));
  });

  r.get('/api/v1/interactions/:id', {
    schema: { tags, summary: 'En kontakt', params: idParams, response: { 200: interactionSchema } },
  }, async (request) => {
    const actor = authorize(request, 'interaction.read');
    return service.get(db(), actor, request.params.id);
  });

  r.patch('/api/v1/interactions/:id', {
    schema: { tags, summary: 'Ret en kontakt (kun egen organisations)', params: idParams, body: interactionUpdateSchema, response: { 200: interactionSchema } },
  }, async (request) => {
    // The organisation check needs the record: the service asks the policy again with it.
    const actor = authorize(request, 'interaction.write');
    return service.update(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.delete('/api/v1/interactions/:id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Slet en kontakt (kun egen organisations; blødt, logges)', params: idParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'interaction.write');
    await service.remove(db(), { actor, ip: request.ip }, request.params.id);
    return reply.status(204).send();
  });
}
