import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { matchListSchema, matchQuerySchema } from '../../../common/business-service';
import { authorize } from '../../policy';
import * as service from './matches.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id for behovsafdækningen.') });

/** Offer matching: the published offers ranked for an assessment, each with its reasons in plain Danish. */
export async function registerMatchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['business-service'];
  const db = () => app.deps.db;

  r.get('/api/v1/assessments/:id/matches', {
    schema: {
      tags, summary: 'Anbefalede ydelser til en behovsafdækning: rangeret med begrundelser; ikke-relevante ydelser med den regel, der udelukker dem',
      params: idParams, querystring: matchQuerySchema, response: { 200: matchListSchema },
    },
  }, async (request) => {
    // Reading the assessment itself is checked by the service (the company's consent).
    const actor = authorize(request, 'offer.match');
    return service.matchesFor(db(), actor, request.params.id, request.query.limit);
  });
}
