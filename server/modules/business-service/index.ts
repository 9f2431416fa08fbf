/**
 * The business service (erhvervsservice): the offer catalogue of many providers, needs assessments,
 * explained offer matching (the pure engine in ./matching) and closed-loop referrals with KPIs.
 * Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import { registerAssessmentRoutes } from './assessments.routes';
import { registerMatchRoutes } from './matches.routes';
import { registerOfferRoutes } from './offers.routes';
import { registerReferralKpiRoutes } from './kpis.routes';
import { startReferralReminders } from './referral-reminders';
import { registerReferralRoutes } from './referrals.routes';

export { addWorkingDays, danishHolidays, isWorkingDay, workingDaysBetween } from './working-days';
export { referralKpis, type KpiRange } from './kpis.repo';
export { runReferralReminders, type ReminderRun } from './referral-reminders';
export { seedDemoReferrals } from './referral-demo';
/** The demo partnership's offers and needs assessments (server/seed.ts calls it after the engagement demo). */
export { seedDemoBusinessService } from './demo.service';
/** Ranks every assessment of a partnership at once (the benchmark, a nightly "best offers" list). */
export { rankAllAssessments } from './matches.service';
/** Matching caches capacity used per quarter: call `referralsChanged` once a referral's status change is committed. */
export { forgetMatchingCache, referralsChanged } from './matches.cache';

/** Registers the business service's routes under /api/v1 (offers, assessments, matches, referrals, KPIs). */
export async function registerBusinessServiceRoutes(app: FastifyInstance): Promise<void> {
  void app;
  await registerOfferRoutes(app);
  await registerReferralKpiRoutes(app);
  await registerReferralRoutes(app);
  // The referral response clock: hourly reminders and escalations (like identity's housekeeping); stops with the app.
  // Tests run the job themselves with a chosen "now" (or POST /referrals/reminders/run), so it never fires under them.
  if (app.deps.env.NODE_ENV !== 'test') {
    const reminders = startReferralReminders(app.deps.db, app.log, app.deps.env.publicUrl);
    app.addHook('onClose', async () => reminders.stop());
  }
  await registerAssessmentRoutes(app);
  await registerMatchRoutes(app);
}
