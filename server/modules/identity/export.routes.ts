import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportQuerySchema } from '../../../common/export';
import { auditQuerySchema } from '../../../common/identity';
import {
  authorizeExport, exportFilters, exportLanguage, keysetBatches, offsetBatches, sendExport,
} from '../../http/export';
import { listAudit } from './audit-log.repo';
import { auditColumns, organisationColumns, outboxColumns, userColumns } from './export.columns';
import { listOrganisations } from './organisations.repo';
import { listOutbox } from './outbox.repo';
import { listUsers } from './users.repo';
import { userQuerySchema } from './users.routes';

const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Exports of the administration lists, each scoped to the actor's partnership like its list:
 * `GET /api/v1/admin/{users,organisations,outbox,audit}/export?format=csv|xlsx&<the list's filters>`.
 */
export async function registerAdminExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin', 'export'];
  const db = () => app.deps.db;

  r.get('/api/v1/admin/users/export', {
    schema: { tags, summary: 'Eksportér partnerskabets brugere', produces, querystring: userQuerySchema.omit({ limit: true, offset: true }).extend(exportQuerySchema.shape) },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'user.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'users' : 'brugere', columns: userColumns(language),
      batches: offsetBatches(async (limit, offset) => (await listUsers(db(), actor.partnershipId, { ...query, limit, offset })).rows),
      audit: { list: 'users', filters: exportFilters(query) },
    });
  });

  r.get('/api/v1/admin/organisations/export', {
    schema: { tags, summary: 'Eksportér partnerskabets organisationer', produces, querystring: exportQuerySchema },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'organisation.read');
    const language = exportLanguage(request, request.query.lang);
    // A partnership has tens of organisations: one list, as the list API returns it.
    const rows = await listOrganisations(db(), actor.partnershipId);
    return sendExport(reply, request.query.format, {
      fileName: language === 'en' ? 'organisations' : 'organisationer', columns: organisationColumns(language),
      batches: (async function* () { if (rows.length > 0) yield rows; })(),
      audit: { list: 'organisations' },
    });
  });

  r.get('/api/v1/admin/outbox/export', {
    schema: { tags, summary: 'Eksportér udbakken (uden brødtekst)', produces, querystring: exportQuerySchema },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'outbox.read');
    const language = exportLanguage(request, request.query.lang);
    return sendExport(reply, request.query.format, {
      fileName: language === 'en' ? 'outbox' : 'udbakke', columns: outboxColumns(language),
      batches: offsetBatches(async (limit, offset) => (await listOutbox(db(), actor.partnershipId, limit, offset)).rows),
      audit: { list: 'outbox' },
    });
  });

  r.get('/api/v1/admin/audit/export', {
    schema: { tags, summary: 'Eksportér revisionsloggen (nyeste først)', produces, querystring: auditQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape) },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'audit.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'audit-log' : 'revisionslog', columns: auditColumns(language),
      // Keyset on the entry id, newest first: entries written during the export (its own included) are not in it.
      batches: keysetBatches(
        async (cursor: number | null, limit) => (await listAudit(db(), actor.partnershipId, { ...query, limit, cursor: cursor ?? undefined })).slice(0, limit),
        (row) => row.id,
      ),
      audit: { list: 'audit_log', filters: exportFilters(query) },
    });
  });
}
