/** Sign-in, password and invitation pages, and the administration of organisations, users, outbox and audit log. */
export { AcceptInvitationPage } from './accept-invitation-page';
export { ForgotPasswordPage } from './forgot-password-page';
export { LoginPage } from './login-page';
export { ResetPasswordPage } from './reset-password-page';
export {
  AuditPage, OrganisationCreatePage, OrganisationEditPage, OrganisationsPage, OutboxPage, UserInvitePage, UsersPage,
} from './admin';
