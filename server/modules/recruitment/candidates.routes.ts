import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  candidateCreateSchema, candidateIdentitySchema, candidateListQuerySchema, candidateProfileSchema, candidateUpdateSchema,
  identityPurposes, identityPurposeSchema,
} from '../../../common/recruitment';
import { badRequest } from '../../http/errors';
import { authorize } from '../../policy';
import { registerCandidateExportRoute } from './candidates.export';
import { registerCandidateImportRoutes } from './candidate-import.routes';
import { candidateIdentityQuerySchema, candidateListSchema, retentionRunSchema } from '../../../common/recruitment-candidates';
import * as service from './candidates.service';
import { loadCprKeys } from './cpr';
import { anonymiseInactiveCandidates } from './retention';

const idParams = z.object({ id: z.string().uuid('Ugyldigt kandidat-id.') });
const purposeHint = `Angiv formålet med opslaget (purpose): ${identityPurposes.join(', ')}.`;

/**
 * /api/v1/candidates: the job centres' candidates. Profiles for every job centre of the partnership; identity (with a
 * purpose, audited), writes, imports and the export for the owning centre only; retention for the administrator.
 */
export async function registerCandidateRoutes(app: FastifyInstance): Promise<void> {
  // Loaded at start: production without SAMSPIL_CPR_KEY refuses to start here.
  const keys = loadCprKeys(app.deps.env);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];
  const db = () => app.deps.db;
  const base = '/api/v1/candidates';

  r.get(base, {
    schema: {
      tags, summary: 'Kandidater: eget jobcenters (med navn) eller alle jobcentres pseudonyme profiler (scope=all); aldrig CPR',
      querystring: candidateListQuerySchema, response: { 200: candidateListSchema },
    },
  }, async (request) => service.list(db(), authorize(request, 'candidate.read'), request.query));

  r.post(base, {
    schema: { tags, summary: 'Registrér en kandidat hos eget jobcenter', body: candidateCreateSchema, response: { 201: candidateProfileSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'candidate.write', { partnershipId: request.actor?.partnershipId, organisationId: request.actor?.organisationId });
    return reply.status(201).send(await service.create(db(), keys, { actor, ip: request.ip }, request.body));
  });

  await registerCandidateExportRoute(app);
  await registerCandidateImportRoutes(app, keys);

  r.post(`${base}/retention/run`, {
    schema: { tags, summary: 'Anonymisér kandidater uden aktivitet i opbevaringsperioden nu (kører også dagligt)', response: { 200: retentionRunSchema } },
  }, async (request) => {
    const actor = authorize(request, 'recruitment.retention');
    return anonymiseInactiveCandidates(db(), {
      now: new Date(), months: app.deps.env.SAMSPIL_CANDIDATE_RETENTION_MONTHS, context: { actor, ip: request.ip },
    });
  });

  r.get(`${base}/:id`, {
    schema: { tags, summary: 'En kandidats pseudonyme profil', params: idParams, response: { 200: candidateProfileSchema } },
  }, async (request) => service.get(db(), authorize(request, 'candidate.read'), request.params.id));

  r.get(`${base}/:id/identity`, {
    schema: {
      tags, summary: 'Kandidatens identitet (kun eget jobcenter, med formål; hvert opslag logges)', params: idParams,
      querystring: z.object({ purpose: z.string().optional(), reveal: z.string().optional() }), response: { 200: candidateIdentitySchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'candidate.identity');
    if (!request.query.purpose) throw badRequest('purpose_required', purposeHint);
    const query = candidateIdentityQuerySchema.safeParse(request.query);
    if (!query.success) {
      const purposeBad = !identityPurposeSchema.safeParse(request.query.purpose).success;
      throw badRequest(purposeBad ? 'purpose_required' : 'validation', purposeBad ? purposeHint : query.error.issues[0].message);
    }
    return service.identity(db(), keys, { actor, ip: request.ip }, request.params.id, query.data.purpose, query.data.reveal === 'cpr');
  });

  r.patch(`${base}/:id`, {
    schema: { tags, summary: 'Ret en kandidat (kun eget jobcenter)', params: idParams, body: candidateUpdateSchema, response: { 200: candidateProfileSchema } },
  }, async (request) => {
    const actor = authorize(request, 'candidate.write');
    return service.update(db(), keys, { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.post(`${base}/:id/deactivate`, {
    schema: { tags, summary: 'Gør en kandidat inaktiv (ikke længere på kortlister)', params: idParams, response: { 200: candidateProfileSchema } },
  }, async (request) => {
    const actor = authorize(request, 'candidate.write');
    return service.deactivate(db(), { actor, ip: request.ip }, request.params.id);
  });
}
