import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../policy';
import * as service from './candidate-import.service';
import { candidateImportApplySchema, candidateImportSchema, candidateImportUploadQuerySchema, candidateImportUploadSchema } from '../../../common/recruitment-candidates';
import type { CprKeys } from './cpr';

const idParams = z.object({ id: z.string().uuid('Ugyldigt import-id.') });
/** Content types a CSV file arrives with from browsers (Windows sends .csv as application/vnd.ms-excel) and scripts. */
const rawTypes = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];
const maxBytes = 10 * 1024 * 1024;

/**
 * /api/v1/candidates/imports: upload a job centre's CSV export (raw text/csv body with ?fileName=, or JSON
 * {fileName, content}) = a dry run with per-row errors; apply writes the valid rows in one transaction.
 */
export async function registerCandidateImportRoutes(app: FastifyInstance, keys: CprKeys): Promise<void> {
  const tags = ['recruitment'];
  const db = () => app.deps.db;
  const base = '/api/v1/candidates/imports';

  await app.register(async (scope) => {
    scope.addContentTypeParser(rawTypes, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(base, {
      bodyLimit: maxBytes,
      schema: {
        tags, summary: 'Upload jobcentrets kandidatudtræk (CSV): kontrol af hver række, intet gemmes før «anvend»',
        querystring: candidateImportUploadQuerySchema, response: { 201: candidateImportSchema },
      },
    }, async (request, reply) => {
      const actor = authorize(request, 'candidate.import', { partnershipId: request.actor?.partnershipId, organisationId: request.actor?.organisationId });
      const context = { actor, ip: request.ip };
      if (Buffer.isBuffer(request.body)) {
        return reply.status(201).send(await service.upload(db(), keys, context, request.query.fileName ?? 'kandidater.csv', request.body));
      }
      const input = candidateImportUploadSchema.parse(request.body ?? {});
      return reply.status(201).send(await service.upload(db(), keys, context, input.fileName, input.content));
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(`${base}/:id`, {
    schema: { tags, summary: 'En kandidatimport: rækker, fejl pr. række og status', params: idParams, response: { 200: candidateImportSchema } },
  }, async (request) => service.get(db(), authorize(request, 'candidate.import'), request.params.id));

  r.post(`${base}/:id/apply`, {
    schema: {
      tags, summary: 'Importér de gyldige rækker i én transaktion (med fejl kun når skipInvalid=true)', params: idParams,
      querystring: candidateImportApplySchema, response: { 200: candidateImportSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'candidate.import');
    return service.apply(db(), { actor, ip: request.ip }, request.params.id, request.query.skipInvalid);
  });
}
