import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { placementCreateSchema, placementListSchema, placementSchema, placementStatusChangeSchema } from '../../../common/recruitment';
import { authorize } from '../../policy';
import { registerConsentRoutes } from './consents.routes';
import * as service from './placements.service';
import { registerReleasedRoutes } from './released.routes';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });
/** An order's placements (the list has no paging: an order has tens of placements, not thousands). */

/**
 * Placements (formidlinger): a centre proposes its own candidate for an open order, records the candidate's consent,
 * presents and follows up. Consents and the employer's view of released candidates are registered here too.
 */
export async function registerPlacementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];
  const db = () => app.deps.db;

  r.post('/api/v1/placements', {
    schema: {
      tags, summary: 'Foreslå en af jobcentrets egne kandidater til en åben jobordre (status udsøgt)', body: placementCreateSchema,
      response: { 201: placementSchema },
    },
  }, async (request, reply) => {
    // The candidate's centre is checked by the service, which asks the policy again with the candidate's organisation.
    const actor = authorize(request, 'placement.write');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.body));
  });

  r.get('/api/v1/placements/:id', {
    schema: { tags, summary: 'En formidling (kandidatens ref, ingen identitet)', params: idParams, response: { 200: placementSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.match');
    return service.getPlacement(db(), actor, request.params.id);
  });

  r.post('/api/v1/placements/:id/status', {
    schema: {
      tags, summary: 'Flyt en formidling: udsøgt → samtykke givet → præsenteret → samtale → ansat (eller afvist/fravalgt)', params: idParams,
      body: placementStatusChangeSchema, response: { 200: placementSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'placement.write');
    return service.move(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.get('/api/v1/orders/:id/placements', {
    schema: {
      tags, summary: 'Ordrens formidlinger fra alle jobcentre (virksomheden ser kun de frigivne)', params: idParams,
      response: { 200: placementListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'order.read');
    return { items: await service.listForOrder(db(), actor, request.params.id) };
  });

  await registerConsentRoutes(app);
  await registerReleasedRoutes(app);
}
