import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationRunSchema, constraintCreateSchema, constraintListQuerySchema, constraintListSchema, constraintSchema, evaluationResultsSchema,
  evaluationSendResultSchema, planChangeListSchema, planListQuerySchema, planListSchema, planPublishResultSchema, planSchema,
  currentSchoolYear,
} from '../../../common/schools';
import { forbidden, notFound } from '../../http/errors';
import { authorize, authorizeAny, can, requireActor } from '../../policy';
import { loadPlan, getPlan, listPlans, runAllocation } from './allocation.service';
import { calendarOfAssignment, calendarOfSchool, planChanges } from './calendar.service';
import { createConstraint, deleteConstraint, listConstraints } from './constraints.service';
import { evaluationResults, sendEvaluations } from './evaluations.service';
import { publishPlan } from './publish.service';
import { signedIn } from './schools.routes';

const planParams = z.object({ planId: z.string().uuid('Ugyldigt fordelings-id.') });
const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });
const assignmentParams = z.object({ assignmentId: z.string().uuid('Ugyldigt id.') });
const schoolCalendarParams = planParams.extend({ schoolId: z.string().uuid('Ugyldigt skole-id.') });

/** Running the allocator, plan versions, locks and forbidden pairs, publishing, calendar files and evaluations. */
export async function registerAllocationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  const db = () => app.deps.db;
  const publicUrl = () => app.deps.env.publicUrl;
  const ctx = (request: FastifyRequest, action: 'allocation.run' | 'allocation.publish') => ({ actor: authorize(request, action), ip: request.ip });

  r.post('/api/v1/allocations/run', {
    schema: { tags, summary: 'Kør fordelingen for en kommune eller hele partnerskabet (422 med mangler; intet gemmes)', body: allocationRunSchema, response: { 201: planSchema } },
  }, async (request, reply) => reply.status(201).send(await runAllocation(db(), ctx(request, 'allocation.run'), request.body)));
  r.get('/api/v1/allocations', { schema: { tags, summary: 'Fordelingens versioner', querystring: planListQuerySchema, response: { 200: planListSchema } } },
    // The plan list is also the way to a plan's evaluation results (analysts read those, not classes).
    async (request) => listPlans(db(), authorizeAny(request, ['school.read', 'evaluation.read']), request.query.schoolYear));

  r.get('/api/v1/allocations/constraints', { schema: { tags, summary: 'Låste fordelinger og udelukkede par', querystring: constraintListQuerySchema, response: { 200: constraintListSchema } } },
    async (request) => listConstraints(db(), authorize(request, 'school.read'), request.query.schoolYear ?? currentSchoolYear()));
  r.post('/api/v1/allocations/constraints', { schema: { tags, summary: 'Lås en fordeling eller udeluk et par', body: constraintCreateSchema, response: { 201: constraintSchema } } },
    async (request, reply) => reply.status(201).send(await createConstraint(db(), ctx(request, 'allocation.run'), request.body)));
  r.delete('/api/v1/allocations/constraints/:id', { onRequest: signedIn, schema: { tags, summary: 'Fjern en låsning eller udelukkelse', params: idParams } },
    async (request, reply) => {
      await deleteConstraint(db(), ctx(request, 'allocation.run'), request.params.id);
      return reply.status(204).send();
    });

  r.get('/api/v1/allocations/assignments/:assignmentId/calendar.ics', { schema: { tags, summary: 'Kalenderfil for én klasses uge', params: assignmentParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'school.read') && !can(actor, 'host_offer.read')) throw forbidden();
      const calendar = await calendarOfAssignment(db(), actor.partnershipId, request.params.assignmentId);
      if (!calendar) throw notFound('Fordelingen af klassen findes ikke.');
      // School staff read every calendar; a company user only its own company's visits.
      if (!can(actor, 'school.read') && !can(actor, 'host_offer.read', { companyId: calendar.companyId })) throw forbidden();
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${calendar.fileName}"`).send(calendar.ics);
    });

  r.get('/api/v1/allocations/:planId', { schema: { tags, summary: 'En fordeling med alle klasser, værter, uger og begrundelser', params: planParams, response: { 200: planSchema } } },
    async (request) => getPlan(db(), authorize(request, 'school.read'), request.params.planId));
  r.post('/api/v1/allocations/:planId/publish', { schema: { tags, summary: 'Offentliggør fordelingen (e-mails til skoler og virksomheder)', params: planParams, response: { 200: planPublishResultSchema } } },
    async (request) => publishPlan(db(), ctx(request, 'allocation.publish'), request.params.planId, publicUrl()));
  r.get('/api/v1/allocations/:planId/changes', { schema: { tags, summary: 'Ændringer i forhold til den tidligere offentliggjorte version', params: planParams, response: { 200: planChangeListSchema } } },
    async (request) => {
      const actor = authorize(request, 'school.read');
      await loadPlan(db(), actor, request.params.planId);
      return planChanges(db(), request.params.planId);
    });
  r.get('/api/v1/allocations/:planId/schools/:schoolId/calendar.ics', { schema: { tags, summary: 'Kalenderfil med en skoles klasser', params: schoolCalendarParams } },
    async (request, reply) => {
      const actor = authorize(request, 'school.read');
      await loadPlan(db(), actor, request.params.planId);
      const calendar = await calendarOfSchool(db(), request.params.planId, request.params.schoolId);
      if (!calendar) throw notFound('Skolen har ingen klasser i fordelingen.');
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${calendar.fileName}"`).send(calendar.ics);
    });

  r.post('/api/v1/allocations/:planId/evaluations/send', { schema: { tags, summary: 'Send evalueringslinks (efter ugen) til lærere og virksomheder', params: planParams, response: { 200: evaluationSendResultSchema } } },
    async (request) => sendEvaluations(db(), ctx(request, 'allocation.publish'), request.params.planId, publicUrl()));
  r.get('/api/v1/allocations/:planId/evaluations', { schema: { tags, summary: 'Evalueringer pr. vært og samlet', params: planParams, response: { 200: evaluationResultsSchema } } },
    async (request) => evaluationResults(db(), authorize(request, 'evaluation.read'), request.params.planId));
}
