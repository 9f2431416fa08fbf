import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userInviteSchema, userSchema, userUpdateSchema } from '../../../common/identity';
import { pageQuerySchema, pageSchema } from '../../../common/pagination';
import { userStatuses } from '../../../common/roles';
import { authorize } from '../../policy';
import { presentUser } from './users.presenter';
import { listUsers } from './users.repo';
import { changeUser, getUser, inviteUser, reinviteUser } from './users.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });
/** The user list's filters (its export takes the same). */
export const userQuerySchema = pageQuerySchema.extend({
  organisationId: z.string().uuid().optional(),
  q: z.string().max(200).optional(),
  status: z.enum(userStatuses).optional(),
});

/** The partnership's users (admin): list, invite, re-invite, change, deactivate. */
export async function registerUserRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/api/v1/admin/users', {
    schema: { tags, summary: 'Partnerskabets brugere', querystring: userQuerySchema, response: { 200: pageSchema(userSchema) } },
  }, async (request) => {
    const actor = authorize(request, 'user.read');
    const { rows, total } = await listUsers(app.deps.db, actor.partnershipId, request.query);
    return { items: rows.map(presentUser), total, limit: request.query.limit, offset: request.query.offset };
  });

  r.get('/api/v1/admin/users/:id', {
    schema: { tags, summary: 'Én bruger', params: idParams, response: { 200: userSchema } },
  }, async (request) => {
    const actor = authorize(request, 'user.read');
    return presentUser(await getUser(app.deps.db, actor, request.params.id));
  });

  r.post('/api/v1/admin/users', {
    schema: { tags, summary: 'Invitér en bruger', body: userInviteSchema, response: { 201: userSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'user.invite');
    const row = await inviteUser(app.deps.db, { actor, ip: request.ip }, request.body,
      { publicUrl: app.deps.env.publicUrl, invitedBy: request.sessionUser?.name ?? null });
    return reply.status(201).send(presentUser(row));
  });

  r.post('/api/v1/admin/users/:id/reinvite', {
    schema: { tags, summary: 'Send invitationen igen', params: idParams, response: { 200: userSchema } },
  }, async (request) => {
    const actor = authorize(request, 'user.invite');
    const row = await reinviteUser(app.deps.db, { actor, ip: request.ip }, request.params.id,
      { publicUrl: app.deps.env.publicUrl, invitedBy: request.sessionUser?.name ?? null });
    return presentUser(row);
  });

  r.patch('/api/v1/admin/users/:id', {
    schema: { tags, summary: 'Ret en bruger (navn, roller, sprog, status)', params: idParams, body: userUpdateSchema, response: { 200: userSchema } },
  }, async (request) => {
    const actor = authorize(request, 'user.update');
    if (request.body.status !== undefined) authorize(request, 'user.deactivate');
    const { row, endSessions } = await changeUser(app.deps.db, { actor, ip: request.ip }, request.params.id, request.body);
    if (endSessions) await app.sessions.endAllFor(row.id);
    return presentUser(row);
  });
}
