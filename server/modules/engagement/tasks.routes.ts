import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { taskCreateSchema, taskListQuerySchema, taskListSchema, taskSchema, taskUpdateSchema } from '../../../common/engagement';
import { authorize } from '../../policy';
import * as service from './tasks.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt opgave-id.') });

/** Tasks: "my tasks" and follow-ups; an organisation sees only its own. */
export async function registerTaskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/tasks', {
    schema: { tags, summary: 'Opgaver (standard: mine åbne), forfaldne markeret', querystring: taskListQuerySchema, response: { 200: taskListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'task.read');
    return service.list(db(), actor, request.query);
  });

  r.post('/api/v1/tasks', {
    schema: { tags, summary: 'Opret opgave', body: taskCreateSchema, response: { 201: taskSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'task.write');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.body));
  });

  r.patch('/api/v1/tasks/:id', {
    schema: { tags, summary: 'Ret opgave eller markér den løst', params: idParams, body: taskUpdateSchema, response: { 200: taskSchema } },
  }, async (request) => {
    const actor = authorize(request, 'task.write');
    return service.update(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });
}
