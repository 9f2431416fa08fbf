import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyUserInviteSchema } from '../../../common/recruitment';
import { badRequest } from '../../http/errors';
import { authorize } from '../../policy';
import { employerCompany, inviteCompanyUser } from './employer.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const invitedSchema = z.object({
  id: z.string().uuid(), email: z.string(), name: z.string(), status: z.string(), organisationId: z.string().uuid(), organisationName: z.string(),
});
const employerSchema = z.object({ id: z.string().uuid(), name: z.string(), cvr: z.string().nullable() });

/**
 * The employer view: consultants invite a company's people (company_user); a company user reads which company it acts
 * for and then creates, lists and reads its orders through the ordinary order routes, scoped to its company.
 */
export async function registerEmployerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];

  r.post('/api/v1/companies/:companyId/users', {
    schema: {
      tags, summary: 'Invitér en person fra virksomheden til Samspil (virksomhedsbruger)', params: companyParams,
      body: companyUserInviteSchema.extend({ companyId: z.string().uuid().optional() }), response: { 201: invitedSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'company_user.invite', { partnershipId: request.actor?.partnershipId });
    const { companyId } = request.params;
    if (request.body.companyId && request.body.companyId !== companyId) {
      throw badRequest('company_mismatch', 'Virksomheden i adressen og i formularen er ikke den samme.', [{ path: 'companyId', message: 'Skal være virksomheden i adressen.' }]);
    }
    const invited = await inviteCompanyUser(app.deps.db, {
      actor, ip: request.ip, publicUrl: app.deps.env.publicUrl, invitedBy: request.sessionUser?.name ?? null,
    }, companyId, { ...request.body, companyId });
    return reply.status(201).send(invited);
  });

  r.get('/api/v1/employer/me', {
    schema: { tags, summary: 'Virksomheden, som virksomhedsbrugeren handler for', response: { 200: employerSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.read');
    return employerCompany(app.deps.db, actor);
  });
}
