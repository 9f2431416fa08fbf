import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recruitmentKpiQuerySchema, recruitmentKpisSchema } from '../../../common/recruitment';
import { badRequest } from '../../http/errors';
import { authorize } from '../../policy';
import { danishToday } from './order-deadlines';
import { recruitmentKpis, type RecruitmentKpiRange } from './kpis.repo';

const DAY = 86_400_000;

/** The period: both ends optional (default the last 12 months up to today), `from` not after `to`, at most ten years. */
export function recruitmentKpiRange(query: { from?: string; to?: string; organisationId?: string }, now = new Date()): RecruitmentKpiRange {
  const today = danishToday(now);
  const to = query.to ?? today;
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY).toISOString().slice(0, 10);
  if (from > to) throw badRequest('invalid_period', 'Startdatoen skal ligge før eller på slutdatoen.', [{ path: 'from', message: 'Vælg en dato før slutdatoen.' }]);
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY > 3660) {
    throw badRequest('invalid_period', 'Perioden må højst være 10 år.', [{ path: 'from', message: 'Vælg en kortere periode.' }]);
  }
  return { from, to, today, organisationId: query.organisationId };
}

/** Recruitment KPIs (aggregates only): per partnership and per holding job centre. */
export async function registerRecruitmentKpiRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/recruitment/kpis', {
    schema: {
      tags: ['recruitment'], summary: 'Nøgletal for jobordrer oprettet i perioden: formidlingsgrad, besættelsesgrad, tid til kandidat og besættelse',
      querystring: recruitmentKpiQuerySchema, response: { 200: recruitmentKpisSchema },
    },
  }, async (request) => {
    const actor = authorize(request, 'recruitment.kpi');
    return recruitmentKpis(app.deps.db, actor.partnershipId, recruitmentKpiRange(request.query));
  });
}
