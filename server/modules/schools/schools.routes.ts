import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  classCreateSchema, classImportResultSchema, classImportSchema, classListQuerySchema, classListSchema, classUpdateSchema,
  schoolClassSchema, schoolCreateSchema, schoolListQuerySchema, schoolListSchema, schoolSchema, schoolUpdateSchema,
} from '../../../common/schools';
import { authorize, requireActor } from '../../policy';
import { importClasses } from './classes-import.service';
import * as service from './schools.service';

const idParams = z.object({ id: z.string().uuid('Ugyldigt id.') });
const classParams = z.object({ classId: z.string().uuid('Ugyldigt klasse-id.') });

/** A DELETE has no body: answer 401 before anything else. */
export async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** Schools and their classes (class level only: grade, letter, size, weeks, themes), with the classes CSV import. */
export async function registerSchoolRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  const db = () => app.deps.db;
  const ctx = (request: FastifyRequest, action: 'school.write') => ({ actor: authorize(request, action), ip: request.ip });

  r.get('/api/v1/schools', { schema: { tags, summary: 'Skoler i partnerskabet', querystring: schoolListQuerySchema, response: { 200: schoolListSchema } } },
    async (request) => service.listSchools(db(), authorize(request, 'school.read'), request.query));
  r.post('/api/v1/schools', { schema: { tags, summary: 'Opret en skole', body: schoolCreateSchema, response: { 201: schoolSchema } } },
    async (request, reply) => reply.status(201).send(await service.createSchool(db(), ctx(request, 'school.write'), request.body)));

  r.get('/api/v1/schools/classes', { schema: { tags, summary: 'Klasser (filtrér på skoleår, skole, kommune, klassetrin)', querystring: classListQuerySchema, response: { 200: classListSchema } } },
    async (request) => service.listClasses(db(), authorize(request, 'school.read'), request.query));
  r.post('/api/v1/schools/classes/import', {
    bodyLimit: 6 * 1024 * 1024,
    schema: { tags, summary: 'Indlæs klasser fra CSV (prøvekørsel eller indlæsning i én transaktion)', body: classImportSchema, response: { 200: classImportResultSchema } },
  }, async (request) => importClasses(db(), ctx(request, 'school.write'), request.body));
  r.patch('/api/v1/schools/classes/:classId', { schema: { tags, summary: 'Ret en klasse', params: classParams, body: classUpdateSchema, response: { 200: schoolClassSchema } } },
    async (request) => service.updateClass(db(), ctx(request, 'school.write'), request.params.classId, request.body));
  r.delete('/api/v1/schools/classes/:classId', { onRequest: signedIn, schema: { tags, summary: 'Slet en klasse, der ikke er fordelt', params: classParams } },
    async (request, reply) => {
      await service.deleteClass(db(), ctx(request, 'school.write'), request.params.classId);
      return reply.status(204).send();
    });

  r.get('/api/v1/schools/:id', { schema: { tags, summary: 'En skole', params: idParams, response: { 200: schoolSchema } } },
    async (request) => service.getSchool(db(), authorize(request, 'school.read'), request.params.id));
  r.patch('/api/v1/schools/:id', { schema: { tags, summary: 'Ret en skole', params: idParams, body: schoolUpdateSchema, response: { 200: schoolSchema } } },
    async (request) => service.updateSchool(db(), ctx(request, 'school.write'), request.params.id, request.body));
  r.delete('/api/v1/schools/:id', { onRequest: signedIn, schema: { tags, summary: 'Slet en skole uden klasser og aftaler', params: idParams } },
    async (request, reply) => {
      await service.deleteSchool(db(), ctx(request, 'school.write'), request.params.id);
      return reply.status(204).send();
    });
  r.post('/api/v1/schools/:id/classes', { schema: { tags, summary: 'Opret en klasse på skolen', params: idParams, body: classCreateSchema, response: { 201: schoolClassSchema } } },
    async (request, reply) => reply.status(201).send(await service.createClass(db(), ctx(request, 'school.write'), request.params.id, request.body)));
}
