import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shortlistSchema } from '../../../common/recruitment';
import { authorize } from '../../policy';
import './matching-index.events';
import * as service from './shortlist.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt ordre-id.') });
const shortlistQuery = z.object({ limit: z.coerce.number().int().min(1, 'Mindst 1.').max(200, 'Højst 200.').default(50) });

/** The merged, explained shortlist of an order across every job centre of the partnership. */
export async function registerShortlistRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/orders/:id/shortlist', {
    schema: {
      tags: ['recruitment'], summary: 'Bedste kandidater til en åben jobordre fra alle jobcentre, med begrundelser (pseudonymt)',
      params: idParams, querystring: shortlistQuery, response: { 200: shortlistSchema },
    },
  }, async (request) => {
    // The order's partnership is checked by the service, which asks the policy again with the order.
    const actor = authorize(request, 'order.match');
    return service.shortlist(app.deps.db, actor, request.params.id, request.query.limit);
  });
}
