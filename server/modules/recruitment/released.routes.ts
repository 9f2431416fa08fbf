import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { releasedCandidateListSchema } from '../../../common/recruitment';
import { authorize } from '../../policy';
import * as service from './released.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt ordre-id.') });

/** The employer's view: candidates whose consent to the company is in force, presented or later. Every read is audited. */
export async function registerReleasedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];

  r.get('/api/v1/employer/candidates', {
    schema: { tags, summary: 'Kandidater jobcentrene har præsenteret for min virksomhed med kandidatens samtykke', response: { 200: releasedCandidateListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'candidate.released');
    return { items: await service.listReleased(app.deps.db, { actor, ip: request.ip }) };
  });

  r.get('/api/v1/orders/:id/released', {
    schema: {
      tags, summary: 'Kandidater præsenteret for min virksomhed til én jobordre (med samtykke)', params: idParams,
      response: { 200: releasedCandidateListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'candidate.released');
    return { items: await service.listReleasedForOrder(app.deps.db, { actor, ip: request.ip }, request.params.id) };
  });
}
