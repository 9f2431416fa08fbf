/**
 * Recruitment in the web app: job orders for the partnership's staff (/jobordrer) with the merged shortlist,
 * placements and consent; the own centre's candidates (/kandidater) with purpose-gated identity and CSV import;
 * the employer's pages (/mine-jobordrer, /kandidater-til-mig); KPIs; and the company page's orders section.
 * Routes, nav and the company page slot are composed in web/app.
 */
export { CandidateFormPage } from './candidate-form-page';
export { CandidateImportPage } from './candidate-import-page';
export { CandidatePage } from './candidate-page';
export { CandidatesPage } from './candidates-page';
export { CompanyOrdersPanel } from './company-orders-panel';
export { EmployerOrdersPage } from './employer-orders-page';
export { RecruitmentKpisPage } from './kpis-page';
export { OrderDetailPage } from './order-detail-page';
export { OrderFormPage } from './order-form-page';
export { isCompanyUser, OrdersPage } from './orders-page';
export { ReleasedCandidatesPage } from './released-candidates-page';
