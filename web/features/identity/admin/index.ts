export { AuditPage } from './audit-page';
export { OrganisationCreatePage } from './organisation-create-page';
export { OrganisationEditPage } from './organisation-edit-page';
export { OrganisationsPage } from './organisations-page';
export { OutboxPage } from './outbox-page';
export { UserInvitePage } from './user-invite-page';
export { UsersPage } from './users-page';
