import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuerySchema } from '../../../common/export';
import {
  agreementListQuerySchema, classListQuerySchema, hostOfferListQuerySchema, schoolListQuerySchema, tutorListQuerySchema,
} from '../../../common/schools';
import { authorizeExport, exportFilters, exportLanguage, offsetBatches, sendExport } from '../../http/export';
import { planAssignments } from './allocation.service';
import { listAgreements } from './agreements.service';
import * as columns from './exports.columns';
import { listHostOffers, listTutors } from './host-offers.service';
import { listClasses, listSchools } from './schools.service';

/** A list's own filters plus format and language; paging is not taken (an export has every row). */
const noPaging = { limit: true, offset: true } as const;

/** GET <list>/export?format=csv|xlsx for every list of the module (list read action + data.export, audited by sendExport). */
export async function registerSchoolExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  const db = () => app.deps.db;
  const page = 2000;

  r.get('/api/v1/schools/export', { schema: { tags, summary: 'Eksportér skoler', querystring: schoolListQuerySchema.omit(noPaging).extend(exportQuerySchema.shape) } }, async (request, reply) => {
    const actor = authorizeExport(request, 'school.read');
    const { format, lang, ...q } = request.query;
    return sendExport(reply, format, {
      fileName: 'skoler', columns: columns.schoolColumns(exportLanguage(request, lang)), audit: { list: 'schools', filters: exportFilters(request.query) },
      batches: offsetBatches(async (limit, offset) => (await listSchools(db(), actor, { ...q, limit, offset })).items, page),
    });
  });
  r.get('/api/v1/schools/classes/export', { schema: { tags, summary: 'Eksportér klasser', querystring: classListQuerySchema.omit(noPaging).extend(exportQuerySchema.shape) } }, async (request, reply) => {
    const actor = authorizeExport(request, 'school.read');
    const { format, lang, ...q } = request.query;
    return sendExport(reply, format, {
      fileName: 'klasser', columns: columns.classColumns(exportLanguage(request, lang)), audit: { list: 'school_classes', filters: exportFilters(request.query) },
      batches: offsetBatches(async (limit, offset) => (await listClasses(db(), actor, { ...q, limit, offset })).items, page),
    });
  });
  r.get('/api/v1/host-offers/export', { schema: { tags, summary: 'Eksportér værtstilbud', querystring: hostOfferListQuerySchema.omit(noPaging).extend(exportQuerySchema.shape) } }, async (request, reply) => {
    const actor = authorizeExport(request, 'host_offer.read');
    const { format, lang, ...q } = request.query;
    return sendExport(reply, format, {
      fileName: 'vaertstilbud', columns: columns.hostOfferColumns(exportLanguage(request, lang)), audit: { list: 'host_offers', filters: exportFilters(request.query) },
      batches: offsetBatches(async (limit, offset) => (await listHostOffers(db(), actor, { ...q, limit, offset })).items, page),
    });
  });
  r.get('/api/v1/tutors/export', { schema: { tags, summary: 'Eksportér tutorer', querystring: tutorListQuerySchema.omit(noPaging).extend(exportQuerySchema.shape) } }, async (request, reply) => {
    const actor = authorizeExport(request, 'school.read');
    const { format, lang, ...q } = request.query;
    return sendExport(reply, format, {
      fileName: 'tutorer', columns: columns.tutorColumns(exportLanguage(request, lang)), audit: { list: 'tutors', filters: exportFilters(request.query) },
      batches: offsetBatches(async (limit, offset) => (await listTutors(db(), actor, { ...q, limit, offset })).items, page),
    });
  });
  r.get('/api/v1/agreements/export', { schema: { tags, summary: 'Eksportér samarbejdsaftaler', querystring: agreementListQuerySchema.omit(noPaging).extend(exportQuerySchema.shape) } }, async (request, reply) => {
    const actor = authorizeExport(request, 'agreement.read');
    const { format, lang, ...q } = request.query;
    return sendExport(reply, format, {
      fileName: 'samarbejdsaftaler', columns: columns.agreementColumns(exportLanguage(request, lang)), audit: { list: 'school_agreements', filters: exportFilters(request.query) },
      batches: offsetBatches(async (limit, offset) => (await listAgreements(db(), actor, { ...q, limit, offset })).items, page),
    });
  });
  r.get('/api/v1/allocations/:planId/assignments/export', {
    schema: { tags, summary: 'Eksportér en fordeling', params: z.object({ planId: z.string().uuid('Ugyldigt fordelings-id.') }), querystring: exportQuerySchema },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'school.read');
    const list = await planAssignments(db(), actor, request.params.planId);
    return sendExport(reply, request.query.format, {
      fileName: 'fordeling', columns: columns.assignmentColumns(exportLanguage(request, request.query.lang)),
      audit: { list: 'allocation_assignments', filters: { planId: request.params.planId } },
      batches: (async function* () { if (list.length > 0) yield list; })(),
    });
  });
}
