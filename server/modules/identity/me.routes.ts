import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localeSchema, sessionResponseSchema } from '../../../common/identity';
import { authorize } from '../../policy';
import { findAccountById } from './auth.repo';
import { presentSessionUser } from './session-user';
import { updateProfile } from './users.service';

const profileUpdateSchema = z.object({
  name: z.string().trim().min(1, 'Skriv dit navn.').max(200).optional(),
  locale: localeSchema.optional(),
});

/** The signed-in user's own profile. */
export async function registerMeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.patch('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'Ret dit navn eller sprog', body: profileUpdateSchema, response: { 200: sessionResponseSchema } },
  }, async (request) => {
    const actor = authorize(request, 'profile.update');
    await updateProfile(app.deps.db, { actor, ip: request.ip }, request.body);
    const account = await findAccountById(app.deps.db, actor.id);
    return { user: account ? presentSessionUser(account) : null, csrfToken: request.csrfToken };
  });
}
