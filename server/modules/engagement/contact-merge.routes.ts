import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contactDuplicateListSchema, contactMergeResultSchema, duplicateDismissSchema, mergeRequestSchema,
} from '../../../common/duplicates';
import { authorize } from '../../policy';
import * as service from './contact-merge.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const survivorParams = companyParams.extend({ survivorId: z.string().uuid('Ugyldigt kontaktperson-id.') });

/** Duplicate contact persons at a company and their merge: /api/v1/companies/:companyId/contacts/… */
export async function registerContactMergeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/companies/:companyId/contacts/duplicates', {
    schema: {
      tags, summary: 'Mulige dubletter blandt virksomhedens kontaktpersoner (navn, e-mail, telefon)',
      params: companyParams, response: { 200: contactDuplicateListSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'duplicate.read');
    return service.listContactDuplicates(db(), actor, request.params.companyId);
  });

  r.post('/api/v1/companies/:companyId/contacts/duplicates/dismiss', {
    schema: { tags, summary: '"Ikke en dublet" for to kontaktpersoner', params: companyParams, body: duplicateDismissSchema },
  }, async (request, reply) => {
    const actor = authorize(request, 'contact.merge');
    await service.dismissContactPair(db(), { actor, ip: request.ip }, request.params.companyId, request.body.aId, request.body.bId);
    return reply.status(204).send();
  });

  r.post('/api/v1/companies/:companyId/contacts/:survivorId/merge', {
    schema: {
      tags, summary: 'Læg en kontaktperson sammen med denne (deltagelse i kontakter og alt andet flyttes hertil)',
      params: survivorParams, body: mergeRequestSchema, response: { 200: contactMergeResultSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'contact.merge');
    return service.mergeContacts(db(), { actor, ip: request.ip }, request.params.companyId, request.params.survivorId, request.body.mergedId);
  });
}
