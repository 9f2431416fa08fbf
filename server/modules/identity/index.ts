/**
 * The identity module: sign-in (password and, via ./sso, OpenID Connect), password reset and
 * invitations by e-mail link, administration of the partnership's organisations and users, the
 * e-mail outbox with its SMTP sender, the audit-log reader, and the demo partnership.
 *
 * Other modules import only from this file.
 */
import type { FastifyInstance } from 'fastify';
import { registerAdminLogRoutes } from './admin-logs.routes';
import { registerAuthLinkRoutes } from './auth-links.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerAdminExportRoutes } from './export.routes';
import { startHousekeeping } from './housekeeping';
import { startMailer } from './mailer';
import { registerMeRoutes } from './me.routes';
import { registerOrganisationRoutes } from './organisations.routes';
import { registerSsoRoutes } from './sso';
import { registerUserRoutes } from './users.routes';

export { seedDemoPartnership, type DemoPartnershipSummary } from './demo-seed';
export { enqueueEmail, type OutgoingEmail } from './outbox';
/** Invites a user inside the caller's transaction (another module creating e.g. a company's user): user, invitation e-mail, audit. */
export { createInvitedUser } from './users.service';
export type { UserRow } from './users.repo';
export { deliverPending, startMailer, type Mailer, type MailTransport } from './mailer';

/**
 * Registers every identity route under /api/v1 (auth, admin, me, SSO), starts the hourly housekeeping
 * (expired sessions, old login attempts, tokens) and, when SMTP_URL is set, the mailer, which delivers
 * the outbox every few seconds. Both stop when the app closes.
 */
export async function registerIdentityRoutes(app: FastifyInstance): Promise<void> {
  await registerAuthRoutes(app);
  await registerAuthLinkRoutes(app);
  await registerMeRoutes(app);
  await registerOrganisationRoutes(app);
  await registerUserRoutes(app);
  await registerAdminLogRoutes(app);
  await registerAdminExportRoutes(app);
  await registerSsoRoutes(app);

  const { env, db } = app.deps;
  const housekeeping = startHousekeeping(db, app.log);
  app.addHook('onClose', async () => housekeeping.stop());
  if (env.SMTP_URL) {
    const mailer = startMailer({ db, smtpUrl: env.SMTP_URL, from: env.SMTP_FROM, log: app.log });
    app.addHook('onClose', async () => mailer.stop());
  }
}
