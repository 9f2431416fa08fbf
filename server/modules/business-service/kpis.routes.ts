import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportLanguageSchema } from '../../../common/export';
import { referralKpiQuerySchema, referralKpisSchema } from '../../../common/referrals';
import { authorizeExport, exportLanguage, keysetBatches, sendExport } from '../../http/export';
import { authorize } from '../../policy';
import { referralExportColumns } from './referral-export';
import { startedReferrals } from './referral-export.repo';
import { referralKpis } from './kpis.repo';
import { kpiRange } from './kpis.service';

const produces = ['text/csv'];

/** Referral KPIs (aggregates only) and the effect-measurement export for Statistics Denmark. */
export async function registerReferralKpiRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['business-service'];
  const db = () => app.deps.db;

  r.get('/api/v1/referrals/kpis', {
    schema: {
      tags, summary: 'Nøgletal for henvisninger sendt i perioden: pr. udbyder, ydelse og tema',
      querystring: referralKpiQuerySchema, response: { 200: referralKpisSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'referral.kpi');
    return referralKpis(db(), actor.partnershipId, kpiRange(request.query));
  });

  r.get('/api/v1/referrals/export.csv', {
    schema: {
      tags, summary: 'Igangsatte forløb til Danmarks Statistiks effektmåling: CVR, ydelse, udbyder, start- og slutdato (CSV)',
      produces, querystring: referralKpiQuerySchema.extend({ lang: exportLanguageSchema.optional() }),
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'referral.export');
    const { from, to, today } = kpiRange(request.query);
    const language = exportLanguage(request, request.query.lang);
    return sendExport(reply, 'csv', {
      fileName: language === 'en' ? 'referral-courses' : 'henvisningsforloeb', columns: referralExportColumns(language),
      batches: keysetBatches(
        (after: { startedAt: string; id: string } | null, limit) => startedReferrals(db(), { partnershipId: actor.partnershipId, from, to, after, limit }),
        (row) => ({ startedAt: row.started_at, id: row.id }),
      ),
      audit: { list: 'referral_courses', filters: { from, to, today } },
    });
  });
}
