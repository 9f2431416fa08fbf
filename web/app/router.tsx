import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { CompanyPage, CompanySearchPage, DuplicatesPage } from '../features/companies';
import {
  BulkAssignPage, CompanyEngagementPanels, CoverageCompaniesPage, CoveragePage, ImportPage, MyTasksPage, TiersPage, WorklistPage,
} from '../features/engagement';
import {
  AssessmentPage, CompanyAssessmentPanel, EditAssessmentPage, NewAssessmentPage, OfferCataloguePage, OfferDetailPage, OfferFormPage,
  ProviderReferralsPage, ReferralKpisPage, ReferralsPage,
} from '../features/business-service';
import {
  AcceptInvitationPage, AuditPage, ForgotPasswordPage, LoginPage, OrganisationCreatePage, OrganisationEditPage,
  OrganisationsPage, OutboxPage, ResetPasswordPage, UserInvitePage, UsersPage,
} from '../features/identity';
import {
  CandidateFormPage, CandidateImportPage, CandidatePage, CandidatesPage, CompanyOrdersPanel, EmployerOrdersPage, OrderDetailPage,
  OrderFormPage, OrdersPage, RecruitmentKpisPage, ReleasedCandidatesPage,
} from '../features/recruitment';
import {
  AgreementFormPage, AgreementsPage, AllocationPage, ClassImportPage, ClassesPage, EvaluationsPage, HostOfferFormPage, HostOffersPage,
  PublicEvaluationPage, SchoolsHomePage, TutorsPage,
} from '../features/schools';
import { HomeRedirect, NotFoundPage, RequireAuth } from './guards';
import { Layout } from './layout';

const guarded = (permission: string, element: ReactNode) => <RequireAuth permission={permission}>{element}</RequireAuth>;
// The company page shows the business service's needs assessment and the engagement feature's panels below its master data.
const engagementPanels = (company: { id: string; name: string }) => (
  <>
    <CompanyAssessmentPanel key={`assessment-${company.id}`} companyId={company.id} companyName={company.name} />
    <CompanyEngagementPanels key={company.id} companyId={company.id} companyName={company.name} />
    <CompanyOrdersPanel key={`orders-${company.id}`} companyId={company.id} companyName={company.name} />
  </>
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
        { path: 'evaluering/:token', element: <PublicEvaluationPage /> },
        { path: 'virksomheder', element: guarded('company.read', <CompanySearchPage />) },
        { path: 'dubletter', element: guarded('duplicate.read', <DuplicatesPage />) },
        { path: 'virksomheder/:id', element: guarded('company.read', <CompanyPage panels={engagementPanels} />) },
        { path: 'opgaver', element: guarded('task.read', <MyTasksPage />) },
        { path: 'arbejdsliste', element: guarded('worklist.read', <WorklistPage />) },
        { path: 'virksomheder/:id/behovsafdaekning/ny', element: guarded('assessment.write', <NewAssessmentPage />) },
        { path: 'behovsafdaekninger/:id', element: guarded('assessment.read', <AssessmentPage />) },
        { path: 'behovsafdaekninger/:id/rediger', element: guarded('assessment.write', <EditAssessmentPage />) },
        { path: 'ydelser', element: guarded('offer.read', <OfferCataloguePage />) },
        { path: 'ydelser/ny', element: guarded('offer.manage', <OfferFormPage />) },
        { path: 'ydelser/:id', element: guarded('offer.read', <OfferDetailPage />) },
        { path: 'ydelser/:id/rediger', element: guarded('offer.manage', <OfferFormPage />) },
        { path: 'henvisninger', element: guarded('referral.create', <ReferralsPage />) },
        { path: 'henvisninger/indgaaende', element: guarded('referral.handle', <ProviderReferralsPage />) },
        { path: 'henvisninger/noegletal', element: guarded('referral.kpi', <ReferralKpisPage />) },
        { path: 'import', element: guarded('engagement.import', <ImportPage />) },
        { path: 'portefoelje/fordel', element: guarded('portfolio.bulk_assign', <BulkAssignPage />) },
        { path: 'daekning', element: guarded('coverage.read', <CoveragePage />) },
        { path: 'daekning/virksomheder', element: guarded('coverage.companies', <CoverageCompaniesPage />) },
        { path: 'kontaktniveauer', element: guarded('tier.read', <TiersPage />) },
        { path: 'jobordrer', element: guarded('order.read', <OrdersPage />) },
        { path: 'jobordrer/ny', element: guarded('order.write', <OrderFormPage />) },
        { path: 'jobordrer/:id', element: guarded('order.read', <OrderDetailPage />) },
        { path: 'jobordrer/:id/rediger', element: guarded('order.write', <OrderFormPage />) },
        { path: 'mine-jobordrer', element: guarded('candidate.released', <EmployerOrdersPage />) },
        { path: 'mine-jobordrer/ny', element: guarded('candidate.released', <OrderFormPage employer />) },
        { path: 'mine-jobordrer/:id', element: guarded('candidate.released', <OrderDetailPage employer />) },
        { path: 'mine-jobordrer/:id/rediger', element: guarded('candidate.released', <OrderFormPage employer />) },
        { path: 'kandidater-til-mig', element: guarded('candidate.released', <ReleasedCandidatesPage />) },
        { path: 'kandidater', element: guarded('candidate.read', <CandidatesPage />) },
        { path: 'kandidater/ny', element: guarded('candidate.write', <CandidateFormPage />) },
        { path: 'kandidater/import', element: guarded('candidate.import', <CandidateImportPage />) },
        { path: 'kandidater/:id', element: guarded('candidate.read', <CandidatePage />) },
        { path: 'kandidater/:id/rediger', element: guarded('candidate.write', <CandidateFormPage />) },
        { path: 'rekruttering/noegletal', element: guarded('recruitment.kpi', <RecruitmentKpisPage />) },
        { path: 'skoler', element: guarded('', <SchoolsHomePage />) },
        { path: 'skoler/klasser', element: guarded('school.read', <ClassesPage />) },
        { path: 'skoler/klasser/import', element: guarded('school.write', <ClassImportPage />) },
        { path: 'skoler/vaertsvirksomheder', element: guarded('host_offer.read', <HostOffersPage />) },
        { path: 'skoler/vaertsvirksomheder/ny', element: guarded('host_offer.write', <HostOfferFormPage />) },
        { path: 'skoler/vaertsvirksomheder/:id', element: guarded('host_offer.write', <HostOfferFormPage />) },
        { path: 'skoler/tutorer', element: guarded('school.read', <TutorsPage />) },
        { path: 'skoler/fordeling', element: guarded('school.read', <AllocationPage />) },
        { path: 'skoler/aftaler', element: guarded('agreement.read', <AgreementsPage />) },
        { path: 'skoler/aftaler/ny', element: guarded('agreement.write', <AgreementFormPage />) },
        { path: 'skoler/aftaler/:id', element: guarded('agreement.write', <AgreementFormPage />) },
        { path: 'skoler/evalueringer', element: guarded('evaluation.read', <EvaluationsPage />) },
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
