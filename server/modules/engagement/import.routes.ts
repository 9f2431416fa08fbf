import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importErrorPageQuerySchema, importErrorPageSchema, importJobListSchema, importJobSchema, importKindSchema, importMappingUpdateSchema,
  importMaxBytes, importUploadQuerySchema, importUploadSchema,
} from '../../../common/engagement-import';
import { authorize } from '../../policy';
import { registerImportErrorExportRoute } from './import-errors.export';
import { ImportRunner } from './import-runner';
import * as service from './import.service';
import { signedIn } from './signed-in';

const idParams = z.object({ id: z.string().uuid('Ugyldigt import-id.') });
/** Content types a CSV file arrives with from browsers (Windows sends .csv as application/vnd.ms-excel) and scripts. */
const rawTypes = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

/**
 * /api/v1/engagement/imports: upload a CSV (raw text/csv body with ?kind=&fileName=, or JSON {kind, fileName, content}),
 * map its columns, follow the dry run, read (or export) the row errors, apply or discard. Organisation-owned (engagement.import).
 */
export async function registerImportRoutes(app: FastifyInstance): Promise<void> {
  const runner = new ImportRunner(app.deps.db, app.deps.engine, app.log);
  // A job a crash left "running" is marked failed when the server is up again; jobs of this process stop cleanly on close.
  app.addHook('onReady', async () => runner.recover());
  app.addHook('onClose', async () => runner.close());
  const db = () => app.deps.db;
  const tags = ['engagement'];
  const base = '/api/v1/engagement/imports';

  await app.register(async (scope) => {
    scope.addContentTypeParser(rawTypes, { parseAs: 'buffer', bodyLimit: importMaxBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(base, {
      bodyLimit: importMaxBytes,
      schema: {
        tags, summary: 'Upload en CSV-fil med kontakter eller kontaktpersoner fra et andet CRM-system (forslag til kolonner følger med)',
        querystring: importUploadQuerySchema, response: { 201: importJobSchema },
      },
    }, async (request, reply) => {
      const actor = authorize(request, 'engagement.import');
      const context = { actor, ip: request.ip };
      if (Buffer.isBuffer(request.body)) {
        const kind = importKindSchema.parse(request.query.kind);
        const fileName = request.query.fileName ?? 'import.csv';
        return reply.status(201).send(await service.upload(db(), runner, context, { kind, fileName, file: request.body }));
      }
      const input = importUploadSchema.parse(request.body ?? {});
      return reply.status(201).send(await service.upload(db(), runner, context, { kind: input.kind, fileName: input.fileName, file: input.content }));
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(base, {
    schema: { tags, summary: 'Organisationens seneste importer', response: { 200: importJobListSchema } },
  }, async (request) => service.list(db(), runner, authorize(request, 'engagement.import')));

  r.get(`${base}/:id`, {
    schema: { tags, summary: 'En import: status, fremdrift og optællinger', params: idParams, response: { 200: importJobSchema } },
  }, async (request) => service.get(db(), runner, authorize(request, 'engagement.import'), request.params.id));

  r.put(`${base}/:id/mapping`, {
    schema: {
      tags, summary: 'Vælg kolonnerne og start kontrollen (prøvekørsel; intet gemmes)', params: idParams, body: importMappingUpdateSchema,
      response: { 202: importJobSchema },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'engagement.import');
    return reply.status(202).send(await service.setMapping(db(), runner, { actor, ip: request.ip }, request.params.id, request.body));
  });

  r.get(`${base}/:id/errors`, {
    schema: {
      tags, summary: 'Fejl pr. række fra kontrollen', params: idParams, querystring: importErrorPageQuerySchema,
      response: { 200: importErrorPageSchema },
    },
  }, async (request) => service.errors(db(), runner, authorize(request, 'engagement.import'), request.params.id, request.query.page));
  registerImportErrorExportRoute(app, runner);

  r.post(`${base}/:id/apply`, {
    onRequest: signedIn,
    schema: { tags, summary: 'Importér de gyldige rækker (én transaktion)', params: idParams, response: { 202: importJobSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'engagement.import');
    return reply.status(202).send(await service.apply(db(), runner, { actor, ip: request.ip }, request.params.id));
  });

  r.delete(`${base}/:id`, {
    onRequest: signedIn,
    schema: { tags, summary: 'Kassér en import (filen og kontrollens rækker slettes)', params: idParams },
  }, async (request, reply) => {
    const actor = authorize(request, 'engagement.import');
    await service.discard(db(), runner, { actor, ip: request.ip }, request.params.id);
    return reply.status(204).send();
  });
}
