import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  companyEngagementSchema, companyTierSchema, companyTierSetSchema, responsibleSchema, responsibleSetSchema, tierCreateSchema,
  tierListSchema, tierSchema, tierUpdateSchema, timelinePageSchema, timelineQuerySchema, worklistQuerySchema, worklistSchema,
} from '../../../common/engagement';
import { authorize } from '../../policy';
import { signedIn } from './signed-in';
import * as service from './portfolio.service';
import { requireCompany } from './interactions.service';
import { timelinePage } from './timeline.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });

/** Timeline, "who else", responsible consultants, tiers and the worklist. Writes act for the actor's own organisation. */
export async function registerPortfolioRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;
  const ctx = (request: { ip: string }, actor: ReturnType<typeof authorize>) => ({ actor, ip: request.ip });

  r.get('/api/v1/companies/:companyId/timeline', {
    schema: { tags, summary: 'Virksomhedens fælles tidslinje, nyeste først (markør i nextCursor)', params: companyParams, querystring: timelineQuerySchema, response: { 200: timelinePageSchema } },
  }, async (request) => {
    const actor = authorize(request, 'interaction.read');
    await requireCompany(db(), request.params.companyId);
    return timelinePage(db(), actor, request.params.companyId, request.query);
  });

  r.get('/api/v1/companies/:companyId/engagement', {
    schema: { tags, summary: 'Hvem arbejder ellers med virksomheden', params: companyParams, response: { 200: companyEngagementSchema } },
  }, async (request) => {
    const actor = authorize(request, 'engagement.read');
    return service.engagement(db(), actor, request.params.companyId);
  });

  r.put('/api/v1/companies/:companyId/responsible', {
    schema: { tags, summary: 'Sæt din organisations ansvarlige konsulent', params: companyParams, body: responsibleSetSchema, response: { 200: responsibleSchema } },
  }, async (request) => {
    const actor = authorize(request, 'responsible.manage');
    return service.setResponsible(db(), ctx(request, actor), request.params.companyId, request.body.userId);
  });

  r.delete('/api/v1/companies/:companyId/responsible', {
    onRequest: signedIn,
    schema: { tags, summary: 'Fjern din organisations ansvarlige konsulent', params: companyParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'responsible.manage');
    await service.removeResponsible(db(), ctx(request, actor), request.params.companyId);
    return reply.status(204).send();
  });

  r.put('/api/v1/companies/:companyId/tier', {
    schema: { tags, summary: 'Placér virksomheden i et af din organisations kontaktniveauer', params: companyParams, body: companyTierSetSchema, response: { 200: companyTierSchema } },
  }, async (request) => {
    const actor = authorize(request, 'tier.manage');
    return service.setCompanyTier(db(), ctx(request, actor), request.params.companyId, request.body.tierId);
  });

  r.delete('/api/v1/companies/:companyId/tier', {
    onRequest: signedIn,
    schema: { tags, summary: 'Tag virksomheden ud af din organisations kontaktniveau', params: companyParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'tier.manage');
    await service.removeCompanyTier(db(), ctx(request, actor), request.params.companyId);
    return reply.status(204).send();
  });

  r.get('/api/v1/engagement/tiers', {
    schema: { tags, summary: 'Din organisations kontaktniveauer', response: { 200: tierListSchema } },
  }, async (request) => service.listTiers(db(), authorize(request, 'tier.read')));

  r.post('/api/v1/engagement/tiers', {
    schema: { tags, summary: 'Opret kontaktniveau', body: tierCreateSchema, response: { 201: tierSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'tier.manage');
    return reply.status(201).send(await service.createTier(db(), ctx(request, actor), request.body));
  });

  r.patch('/api/v1/engagement/tiers/:id', {
    schema: { tags, summary: 'Ret kontaktniveau', params: idParams, body: tierUpdateSchema, response: { 200: tierSchema } },
  }, async (request) => {
    const actor = authorize(request, 'tier.manage');
    return service.updateTier(db(), ctx(request, actor), request.params.id, request.body);
  });

  r.delete('/api/v1/engagement/tiers/:id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Slet et tomt kontaktniveau', params: idParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'tier.manage');
    await service.deleteTier(db(), ctx(request, actor), request.params.id);
    return reply.status(204).send();
  });

  r.get('/api/v1/engagement/worklist', {
    schema: { tags, summary: 'Arbejdsliste: virksomheder der skal kontaktes, mest forfaldne først', querystring: worklistQuerySchema, response: { 200: worklistSchema } },
  }, async (request) => service.worklist(db(), authorize(request, 'worklist.read'), request.query));
}
