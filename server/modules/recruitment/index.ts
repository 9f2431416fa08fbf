/**
 * Recruitment (rekruttering): one entry point for companies. Job orders seen by every job centre of the partnership,
 * candidates owned by one centre (CPR encrypted, pseudonymous elsewhere), the merged and explained shortlist across
 * centres (the pure engine in ./matching), consent-gated placements, the employer view, KPIs and retention.
 * Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import { registerCandidateRoutes } from './candidates.routes';
import { registerEmployerRoutes } from './employer.routes';
import { registerRecruitmentKpiRoutes } from './kpis.routes';
import { startOrderDeadlines } from './order-deadlines';
import { registerOrderRoutes } from './orders.routes';
import { registerPlacementRoutes } from './placements.routes';
import { startCandidateRetention } from './retention';
import { registerShortlistRoutes } from './shortlist.routes';
import { warmMatchingIndexes } from './matching-index.warm';

export { seedDemoRecruitment } from './demo';
/** The demo's company user (employer view), for the printed list of demo logins. */
export { demoEmployerCompany, demoEmployerEmail } from './orders.demo';

/** Registers recruitment's routes under /api/v1 and, outside tests, its daily jobs (deadlines, anonymisation). */
export async function registerRecruitmentRoutes(app: FastifyInstance): Promise<void> {
  await registerOrderRoutes(app);
  await registerEmployerRoutes(app);
  await registerRecruitmentKpiRoutes(app);
  await registerCandidateRoutes(app);
  await registerPlacementRoutes(app);
  await registerShortlistRoutes(app);
  if (app.deps.env.NODE_ENV !== 'test') {
    const deadlines = startOrderDeadlines(app.deps.db, app.log);
    const retention = startCandidateRetention(app.deps.db, app.log, app.deps.env);
    // Build each partnership's candidate index soon after start, so the first shortlist does not wait for it.
    const warm = setTimeout(() => void warmMatchingIndexes(app.deps.db).catch((error: unknown) => app.log.warn({ err: error }, 'matching index warm-up failed')), 3_000);
    warm.unref();
    app.addHook('onClose', async () => { clearTimeout(warm); deadlines.stop(); retention.stop(); });
  }
}
