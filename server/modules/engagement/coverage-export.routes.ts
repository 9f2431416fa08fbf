import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { coverageCompaniesQuerySchema, coverageQuerySchema } from '../../../common/engagement-coverage';
import { exportQuerySchema } from '../../../common/export';
import { authorizeExport, exportFilters, exportLanguage, offsetBatches, sendExport } from '../../http/export';
import { coverageColumns, coverageCompanyColumns, coverageExportRows } from './coverage-export.columns';
import * as service from './coverage.service';

const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Exports of coverage: the dashboard's figures (aggregates only, so analysts may take them out too) and the
 * companies behind a figure (the list's own filters, every page). Both for the organisation the dashboard shows.
 */
export async function registerCoverageExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement', 'export'];
  const db = () => app.deps.db;

  r.get('/api/v1/engagement/coverage/export', {
    schema: {
      tags, produces, querystring: coverageQuerySchema.extend(exportQuerySchema.shape),
      summary: 'Eksportér dækningens tal: pr. niveau, i alt, pr. måned, pr. konsulent og pr. kommune (kun optællinger)',
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'coverage.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    const scope = await service.coverageScope(db(), actor, query.organisation);
    const rows = coverageExportRows(await service.coverage(db(), actor, scope));
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'coverage' : 'dækning', sheetName: language === 'en' ? 'Coverage' : 'Dækning',
      columns: coverageColumns(language),
      // A few hundred figures at most: the dashboard's own data, one batch.
      batches: (async function* () { yield rows; })(),
      audit: { list: 'coverage', filters: { organisation: scope.organisation.id } },
    });
  });

  r.get('/api/v1/engagement/coverage/companies/export', {
    schema: {
      tags, produces, querystring: coverageCompaniesQuerySchema.omit({ page: true, pageSize: true }).extend(exportQuerySchema.shape),
      summary: 'Eksportér alle virksomheder bag et dækningstal (listens filtre, dansk alfabetisk orden)',
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'coverage.companies');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    const scope = await service.coverageScope(db(), actor, query.organisation);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'coverage-companies' : 'dækning-virksomheder', sheetName: language === 'en' ? 'Companies' : 'Virksomheder',
      columns: coverageCompanyColumns(language),
      batches: offsetBatches(async (limit, offset) => {
        const page = await service.coverageCompanies(db(), scope, { ...query, page: offset / limit + 1, pageSize: limit });
        return page.items.map((item) => ({ ...item, date: page.date }));
      }),
      audit: { list: 'coverage_companies', filters: { ...exportFilters(query), organisation: scope.organisation.id } },
    });
  });
}
