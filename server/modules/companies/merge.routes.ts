import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyMergeResultSchema, mergeRequestSchema } from '../../../common/duplicates';
import type { Db } from '../../db/client';
import { authorize } from '../../policy';
import { getDetail } from './companies.service';
import { mergeCompanies, survivorOf } from './merge.service';

const survivorParams = z.object({ survivorId: z.string().uuid('Ugyldigt virksomheds-id.') });

/**
 * A request for a merged company's id answers 308 Permanent Redirect to the survivor (Location header),
 * with a problem+json body that names the survivor too; browsers and fetch follow it, bookmarks keep working.
 * Returns true when it answered.
 */
export async function redirectIfMerged(db: Db, reply: FastifyReply, id: string): Promise<boolean> {
  const survivorId = await survivorOf(db, id);
  if (!survivorId) return false;
  await reply.status(308).header('location', `/api/v1/companies/${survivorId}`).type('application/problem+json; charset=utf-8').send({
    type: 'https://samspil.dk/problems/company_merged', title: 'Flyttet permanent', status: 308, code: 'company_merged',
    detail: 'Virksomheden er lagt sammen med en anden virksomhed, som nu har alle dens oplysninger.', survivorId,
  });
  return true;
}

/** POST /api/v1/companies/:survivorId/merge: merge another company into this one. */
export async function registerCompanyMergeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/companies/:survivorId/merge', {
    schema: {
      tags: ['companies'],
      summary: 'Læg en virksomhed (typisk håndoprettet) sammen med denne; alt flyttes hertil, og den anden slettes',
      params: survivorParams, body: mergeRequestSchema, response: { 200: companyMergeResultSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'company.merge');
    const outcome = await mergeCompanies(app.deps.db, { actor, ip: request.ip }, request.params.survivorId, request.body.mergedId);
    return { ...outcome, survivor: await getDetail(app.deps.db, outcome.survivor) };
  });
}
