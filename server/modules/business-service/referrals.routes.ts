import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  referralCreateSchema, referralDetailSchema, referralListQuerySchema, referralListSchema, referralSchema, referralStatusChangeSchema,
} from '../../../common/referrals';
import { authorize } from '../../policy';
import { runReferralReminders } from './referral-reminders';
import { registerReferralListExportRoute } from './referrals.export';
import * as service from './referrals.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt henvisnings-id.') });

/**
 * Closed-loop referrals (henvisninger): consultants refer with the company's consent, the provider's users
 * answer and close the loop; the response clock's reminders can also be run on demand.
 */
export async function registerReferralRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['business-service'];
  const db = () => app.deps.db;
  const publicUrl = () => app.deps.env.publicUrl;

  r.get('/api/v1/referrals', {
    schema: {
      tags, summary: 'Henvisninger: indgående til min organisation, sendt af min organisation eller (sekretariatet) alle',
      querystring: referralListQuerySchema, response: { 200: referralListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'referral.read');
    return service.list(db(), actor, request.query);
  });
  await registerReferralListExportRoute(app);

  r.post('/api/v1/referrals', {
    schema: {
      tags, summary: 'Henvis en virksomhed til en ydelse (kræver virksomhedens samtykke)', body: referralCreateSchema,
      response: { 201: referralSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'referral.create');
    const created = await service.create(db(), { actor, ip: request.ip, publicUrl: publicUrl() }, request.body);
    return reply.status(201).send(created);
  });

  r.post('/api/v1/referrals/reminders/run', {
    schema: { tags, summary: 'Send forfaldne påmindelser og eskaleringer nu (kører ellers hver time)', response: { 200: z.object({ reminded: z.number().int(), escalated: z.number().int() }) } },
  }, async (request) => {
    authorize(request, 'referral.remind');
    return runReferralReminders(db(), { publicUrl: publicUrl() });
  });

  r.get('/api/v1/referrals/:id', {
    schema: { tags, summary: 'En henvisning med forløb (og behovsafdækningen, hvis virksomheden har givet samtykke til deling)', params: idParams, response: { 200: referralDetailSchema } },
  }, async (request) => {
    const actor = authorize(request, 'referral.read');
    return service.get(db(), actor, request.params.id);
  });

  r.post('/api/v1/referrals/:id/status', {
    schema: {
      tags, summary: 'Flyt en henvisning: sendt → modtaget → igangsat → afsluttet | afvist (kun udbyderen)', params: idParams,
      body: referralStatusChangeSchema, response: { 200: referralDetailSchema },
    },
  }, async (request) => {
    // The organisation check needs the referral: the service asks the policy again with its provider.
    const actor = authorize(request, 'referral.handle');
    return service.move(db(), { actor, ip: request.ip, publicUrl: publicUrl() }, request.params.id, request.body);
  });
}
