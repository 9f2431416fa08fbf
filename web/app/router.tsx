import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { CompanyPage, CompanySearchPage } from '../features/companies';
import { CompanyEngagementPanels, MyTasksPage, WorklistPage } from '../features/engagement';
import {
  AcceptInvitationPage, AuditPage, ForgotPasswordPage, LoginPage, OrganisationCreatePage, OrganisationEditPage,
  OrganisationsPage, OutboxPage, ResetPasswordPage, UserInvitePage, UsersPage,
} from '../features/identity';
import { HomeRedirect, NotFoundPage, RequireAuth } from './guards';
import { Layout } from './layout';

const guarded = (permission: string, element: ReactNode) => <RequireAuth permission={permission}>{element}</RequireAuth>;
// The company page shows the engagement feature's panels below its master data.
const engagementPanels = (company: { id: string; name: string }) => (
  <CompanyEngagementPanels key={company.id} companyId={company.id} companyName={company.name} />
);

/** Every route of the SPA. Danish paths: they are what users see and share. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'glemt-adgangskode', element: <ForgotPasswordPage /> },
        { path: 'nulstil-adgangskode', element: <ResetPasswordPage /> },
        { path: 'nulstil-adgangskode/:token', element: <ResetPasswordPage /> },
        { path: 'invitation', element: <AcceptInvitationPage /> },
        { path: 'invitation/:token', element: <AcceptInvitationPage /> },
        { path: 'virksomheder', element: guarded('company.read', <CompanySearchPage />) },
        { path: 'virksomheder/:id', element: guarded('company.read', <CompanyPage panels={engagementPanels} />) },
        { path: 'opgaver', element: guarded('task.read', <MyTasksPage />) },
        { path: 'arbejdsliste', element: guarded('worklist.read', <WorklistPage />) },
        { path: 'admin/organisationer', element: guarded('organisation.manage', <OrganisationsPage />) },
        { path: 'admin/organisationer/ny', element: guarded('organisation.manage', <OrganisationCreatePage />) },
        { path: 'admin/organisationer/:id', element: guarded('organisation.manage', <OrganisationEditPage />) },
        { path: 'admin/brugere', element: guarded('user.read', <UsersPage />) },
        { path: 'admin/brugere/inviter', element: guarded('user.invite', <UserInvitePage />) },
        { path: 'admin/udbakke', element: guarded('outbox.read', <OutboxPage />) },
        { path: 'admin/revisionslog', element: guarded('audit.read', <AuditPage />) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
