import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organisationCreateSchema, organisationSchema, organisationUpdateSchema } from '../../../common/identity';
import { authorize } from '../../policy';
import { listOrganisations } from './organisations.repo';
import { presentOrganisation } from './organisations.presenter';
import { changeOrganisation, createOrganisation, getOrganisation } from './organisations.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });

/** The partnership's organisations (admin). */
export async function registerOrganisationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/api/v1/admin/organisations', {
    schema: { tags, summary: 'Partnerskabets organisationer', response: { 200: z.array(organisationSchema) } },
  }, async (request) => {
    const actor = authorize(request, 'organisation.read');
    return (await listOrganisations(app.deps.db, actor.partnershipId)).map(presentOrganisation);
  });

  r.get('/api/v1/admin/organisations/:id', {
    schema: { tags, summary: 'Én organisation', params: idParams, response: { 200: organisationSchema } },
  }, async (request) => {
    const actor = authorize(request, 'organisation.read');
    return presentOrganisation(await getOrganisation(app.deps.db, actor, request.params.id));
  });

  r.post('/api/v1/admin/organisations', {
    schema: { tags, summary: 'Opret organisation', body: organisationCreateSchema, response: { 201: organisationSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'organisation.manage');
    const row = await createOrganisation(app.deps.db, { actor, ip: request.ip }, request.body);
    return reply.status(201).send(presentOrganisation(row));
  });

  r.patch('/api/v1/admin/organisations/:id', {
    schema: { tags, summary: 'Ret organisation (også SSO og deaktivering)', params: idParams, body: organisationUpdateSchema, response: { 200: organisationSchema } },
  }, async (request) => {
    const actor = authorize(request, 'organisation.manage');
    const { row, deactivatedUserIds } = await changeOrganisation(app.deps.db, { actor, ip: request.ip }, request.params.id, request.body);
    for (const userId of deactivatedUserIds) await app.sessions.endAllFor(userId);
    return presentOrganisation(row);
  });
}
