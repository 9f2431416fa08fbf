import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginRequestSchema, sessionResponseSchema } from '../../../common/identity';
import { audit } from '../../http/audit';
import { login, RateLimitedError } from './auth.service';
import { presentSessionUser } from './session-user';

/** Password sign-in, the current session and sign-out. */
export async function registerAuthRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/auth/session', {
    schema: { tags: ['auth'], summary: 'Den aktuelle session (og CSRF-token)', response: { 200: sessionResponseSchema } },
  }, async (request) => ({ user: request.sessionUser, csrfToken: request.csrfToken }));

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Log ind med e-mail og adgangskode', body: loginRequestSchema, response: { 200: sessionResponseSchema } },
  }, async (request, reply) => {
    try {
      const account = await login(app.deps.db, { ...request.body, ip: request.ip });
      const { csrfToken } = await app.sessions.create(request, reply, account.id, 'password');
      return { user: presentSessionUser(account), csrfToken };
    } catch (error) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  r.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'Log ud', response: { 200: sessionResponseSchema } },
  }, async (request, reply) => {
    const actor = request.actor;
    if (actor) {
      await audit(app.deps.db, { actor, ip: request.ip }, { action: 'auth.logout', entity: 'user', entityId: actor.id });
    }
    const { csrfToken } = await app.sessions.destroy(request, reply);
    return { user: null, csrfToken };
  });
}
