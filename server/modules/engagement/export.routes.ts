import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { interactionListQuerySchema, taskListQuerySchema, timelineQuerySchema, worklistQuerySchema } from '../../../common/engagement';
import { exportQuerySchema } from '../../../common/export';
import {
  authorizeExport, exportFilters, exportLanguage, keysetBatches, offsetBatches, sendExport,
} from '../../http/export';
import * as contacts from './contacts.service';
import { contactColumns, interactionColumns, taskColumns, timelineColumns, worklistColumns } from './export.columns';
import * as interactions from './interactions.service';
import { requireCompany } from './interactions.service';
import { worklist } from './portfolio.service';
import * as tasks from './tasks.service';
import { timelinePage } from './timeline.service';

const companyParams = z.object({ companyId: z.string().uuid('Ugyldigt virksomheds-id.') });
const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const paging = { limit: true, offset: true } as const;

/**
 * Exports of the engagement lists: `GET <list url>/export?format=csv|xlsx&<the list's filters>`. Each
 * reads its list through the list's own service, page by page, so filters, order and redaction of
 * confidential content are exactly the list API's.
 */
export async function registerEngagementExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement', 'export'];
  const db = () => app.deps.db;

  r.get('/api/v1/engagement/worklist/export', {
    schema: { tags, summary: 'Eksportér arbejdslisten', produces, querystring: worklistQuerySchema.omit(paging).extend(exportQuerySchema.shape) },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'worklist.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'worklist' : 'arbejdsliste', columns: worklistColumns(language),
      batches: offsetBatches(async (limit, offset) => (await worklist(db(), actor, { ...query, limit, offset })).items),
      audit: { list: 'worklist', filters: exportFilters(query) },
    });
  });

  r.get('/api/v1/tasks/export', {
    schema: { tags, summary: 'Eksportér opgaver (standard: mine åbne)', produces, querystring: taskListQuerySchema.omit(paging).extend(exportQuerySchema.shape) },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'task.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'tasks' : 'opgaver', columns: taskColumns(language),
      batches: offsetBatches(async (limit, offset) => (await tasks.list(db(), actor, { ...query, limit, offset })).items),
      audit: { list: 'tasks', filters: exportFilters(query) },
    });
  });

  r.get('/api/v1/companies/:companyId/contacts/export', {
    schema: { tags, summary: 'Eksportér virksomhedens kontaktpersoner', produces, params: companyParams, querystring: exportQuerySchema },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'contact.read');
    const { companyId } = request.params;
    const language = exportLanguage(request, request.query.lang);
    const { items } = await contacts.list(db(), actor, companyId);
    return sendExport(reply, request.query.format, {
      fileName: language === 'en' ? 'contacts' : 'kontaktpersoner', columns: contactColumns(language),
      // A company's contacts are one short list (the list API returns it whole too).
      batches: (async function* () { if (items.length > 0) yield items; })(),
      audit: { list: 'company_contacts', filters: { companyId } },
    });
  });

  r.get('/api/v1/companies/:companyId/interactions/export', {
    schema: {
      tags, summary: 'Eksportér virksomhedens kontakter (fortroligt indhold fra andre organisationer skjult)', produces,
      params: companyParams, querystring: interactionListQuerySchema.omit(paging).extend(exportQuerySchema.shape),
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'interaction.read');
    const { companyId } = request.params;
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    await requireCompany(db(), companyId);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'interactions' : 'kontakter', columns: interactionColumns(language),
      batches: offsetBatches(async (limit, offset) => (await interactions.list(db(), actor, companyId, { ...query, limit, offset })).items),
      audit: { list: 'company_interactions', filters: { companyId, ...exportFilters(query) } },
    });
  });

  r.get('/api/v1/companies/:companyId/timeline/export', {
    schema: {
      tags, summary: 'Eksportér virksomhedens tidslinje (fortroligt fra andre organisationer skjult)', produces,
      params: companyParams, querystring: timelineQuerySchema.omit({ limit: true, before: true }).extend(exportQuerySchema.shape),
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'interaction.read');
    const { companyId } = request.params;
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    await requireCompany(db(), companyId);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'timeline' : 'tidslinje', columns: timelineColumns(language),
      batches: keysetBatches(
        async (before: string | null, limit) => (await timelinePage(db(), actor, companyId, { ...query, before: before ?? undefined, limit })).items,
        (event) => `${event.occurredAt}_${event.id}`,
      ),
      audit: { list: 'company_timeline', filters: { companyId, ...exportFilters(query) } },
    });
  });
}
