/**
 * The engagement module: company contacts, interactions (with confidential notes), tasks, the shared
 * company timeline, "who else works with this company", responsible consultants, contact tiers and
 * the consultant's worklist.
 *
 * Other modules import only from here. They post to the company timeline with `recordTimelineEvent`,
 * inside the transaction of their own write.
 */
import type { FastifyInstance } from 'fastify';
import { registerBulkRoutes } from './bulk.routes';
import { registerCalendarRoutes } from './calendar.routes';
import { registerContactMergeRoutes } from './contact-merge.routes';
import { registerContactRoutes } from './contacts.routes';
import { registerEngagementExportRoutes } from './export.routes';
import { registerImportRoutes } from './import.routes';
import { registerCoverageRoutes } from './coverage.routes';
import { registerInteractionRoutes } from './interactions.routes';
import { registerPortfolioRoutes } from './portfolio.routes';
import { registerTaskRoutes } from './tasks.routes';

export { recordTimelineEvent, removeTimelineEvent } from './timeline.service';
export type { TimelineEventRecord } from './timeline.service';
export { seedDemoEngagement } from './demo.service';

/** Registers /api/v1/companies/:companyId/{contacts,interactions,timeline,engagement,responsible,tier}, /interactions, /tasks, /engagement,
 * /me/calendar-feed, and the token-authenticated iCal feed /kalender/<token>.ics. */
export async function registerEngagementRoutes(app: FastifyInstance): Promise<void> {
  await registerContactMergeRoutes(app);
  await registerContactRoutes(app);
  await registerInteractionRoutes(app);
  await registerTaskRoutes(app);
  await registerPortfolioRoutes(app);
  await registerCalendarRoutes(app);
  await registerEngagementExportRoutes(app);
  await registerImportRoutes(app);
  await registerCoverageRoutes(app);
  await registerBulkRoutes(app);
}
