import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationSchema, passwordResetConfirmSchema, passwordResetRequestSchema, sessionResponseSchema,
} from '../../../common/identity';
import { acceptInvitation, describeInvitation } from './invitations.service';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service';
import { presentSessionUser } from './session-user';

const invitationSchema = z.object({ email: z.string(), name: z.string(), organisationName: z.string() });

/** The routes behind e-mailed links: password reset and invitations. No sign-in needed. */
export async function registerAuthLinkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/password-reset', {
    schema: { tags: ['auth'], summary: 'Send et link til nulstilling af adgangskode', body: passwordResetRequestSchema },
  }, async (request, reply) => {
    await requestPasswordReset(app.deps.db, { email: request.body.email, ip: request.ip, publicUrl: app.deps.env.publicUrl });
    return reply.status(202).send();
  });

  r.post('/api/v1/auth/password-reset/confirm', {
    schema: { tags: ['auth'], summary: 'Vælg ny adgangskode via link', body: passwordResetConfirmSchema },
  }, async (request, reply) => {
    const userId = await confirmPasswordReset(app.deps.db, { ...request.body, ip: request.ip });
    // A new password ends every session, including one an intruder may hold.
    await app.sessions.endAllFor(userId);
    return reply.status(204).send();
  });

  r.get('/api/v1/auth/invitations/:token', {
    schema: {
      tags: ['auth'], summary: 'Oplysninger om en invitation',
      params: z.object({ token: z.string().max(200) }), response: { 200: invitationSchema },
    },
  }, async (request) => describeInvitation(app.deps.db, request.params.token));

  r.post('/api/v1/auth/invitations/accept', {
    schema: { tags: ['auth'], summary: 'Tag imod en invitation', body: acceptInvitationSchema, response: { 200: sessionResponseSchema } },
  }, async (request, reply) => {
    const account = await acceptInvitation(app.deps.db, { ...request.body, ip: request.ip });
    const { csrfToken } = await app.sessions.create(request, reply, account.id, 'password');
    return { user: presentSessionUser(account), csrfToken };
  });
}
