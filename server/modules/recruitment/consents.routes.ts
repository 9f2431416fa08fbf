import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consentCreateSchema, placementSchema } from '../../../common/recruitment';
import { authorize } from '../../policy';
import * as service from './consents.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });
/** The placement is in the path; the body may repeat it. */
const consentBody = consentCreateSchema.partial({ placementId: true });

/** The candidate's consent to pass identity and CV to the order's company: recorded and withdrawn by the candidate's centre. */
export async function registerConsentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];

  r.post('/api/v1/placements/:id/consent', {
    schema: {
      tags, summary: 'Registrér kandidatens samtykke til at give identitet og CV videre til virksomheden', params: idParams,
      body: consentBody, response: { 201: placementSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'consent.write');
    return reply.status(201).send(await service.recordConsent(app.deps.db, { actor, ip: request.ip }, request.params.id, request.body));
  });

  r.post('/api/v1/consents/:id/withdraw', {
    schema: {
      tags, summary: 'Træk et samtykke tilbage: virksomheden ser straks ikke længere kandidatens identitet', params: idParams,
      response: { 200: placementSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'consent.write');
    return service.withdrawConsent(app.deps.db, { actor, ip: request.ip }, request.params.id);
  });
}
