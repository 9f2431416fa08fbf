import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactCreateSchema, contactListSchema, contactSchema, contactUpdateSchema } from '../../../common/engagement';
import { authorize } from '../../policy';
import { signedIn } from './signed-in';
import * as service from './contacts.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const contactParams = companyParams.extend({ id: z.string().uuid('Ugyldigt kontaktperson-id.') });

/** Company contacts (kontaktpersoner): /api/v1/companies/:companyId/contacts… */
export async function registerContactRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/companies/:companyId/contacts', {
    schema: { tags, summary: 'Virksomhedens kontaktpersoner', params: companyParams, response: { 200: contactListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'contact.read');
    return service.list(db(), actor, request.params.companyId);
  });

  r.get('/api/v1/companies/:companyId/contacts/:id', {
    schema: { tags, summary: 'En kontaktperson', params: contactParams, response: { 200: contactSchema } },
  }, async (request) => {
    const actor = authorize(request, 'contact.read');
    return service.get(db(), actor, request.params.companyId, request.params.id);
  });

  r.post('/api/v1/companies/:companyId/contacts', {
    schema: {
      tags, summary: 'Opret kontaktperson (409 possible_duplicate ved samme navn eller e-mail, medmindre confirmDuplicate)',
      params: companyParams, body: contactCreateSchema, response: { 201: contactSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'contact.write');
    const contact = await service.create(db(), { actor, ip: request.ip }, request.params.companyId, request.body);
    return reply.status(201).send(contact);
  });

  r.patch('/api/v1/companies/:companyId/contacts/:id', {
    schema: { tags, summary: 'Ret kontaktperson', params: contactParams, body: contactUpdateSchema, response: { 200: contactSchema } },
  }, async (request) => {
    const actor = authorize(request, 'contact.write');
    return service.update(db(), { actor, ip: request.ip }, request.params.companyId, request.params.id, request.body);
  });

  r.delete('/api/v1/companies/:companyId/contacts/:id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Slet kontaktperson', params: contactParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'contact.write');
    await service.remove(db(), { actor, ip: request.ip }, request.params.companyId, request.params.id);
    return reply.status(204).send();
  });
}
