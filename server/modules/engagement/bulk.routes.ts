import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bulkApplySchema, bulkAssignmentSchema, bulkConsultantListSchema, bulkPreviewSchema, bulkResultSchema,
} from '../../../common/engagement-bulk';
import { authorize } from '../../policy';
import * as service from './bulk.service';

/** Bulk assignment of tiers and responsible consultants by filter, for the actor's own organisation: preview, then apply. */
export async function registerBulkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/engagement/bulk-assignments/consultants', {
    schema: { tags, summary: 'Organisationens aktive konsulenter med porteføljens størrelse', response: { 200: bulkConsultantListSchema } },
  }, async (request) => service.listConsultants(db(), authorize(request, 'portfolio.bulk_assign')));

  r.post('/api/v1/engagement/bulk-assignments/preview', {
    schema: { tags, summary: 'Forhåndsvis en fordeling af virksomheder (ændrer intet)', body: bulkAssignmentSchema, response: { 200: bulkPreviewSchema } },
  }, async (request) => service.preview(db(), authorize(request, 'portfolio.bulk_assign'), request.body));

  r.post('/api/v1/engagement/bulk-assignments', {
    schema: { tags, summary: 'Anvend en forhåndsvist fordeling (409 hvis udvalget er ændret siden)', body: bulkApplySchema, response: { 200: bulkResultSchema } },
  }, async (request) => {
    const actor = authorize(request, 'portfolio.bulk_assign');
    return service.apply(db(), { actor, ip: request.ip }, request.body);
  });
}
