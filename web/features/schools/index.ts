/**
 * School–company collaboration in the web app (the "Skoler" hub): classes and CSV import, host offers, tutors, the
 * allocation with its versions, agreements with the per-municipality dashboard, evaluations, and the public
 * evaluation form. Routes and the main menu entry are composed in web/app.
 */
export { AgreementFormPage } from './agreement-form-page';
export { AgreementsPage } from './agreements-page';
export { AllocationPage } from './allocation-page';
export { ClassImportPage } from './class-import-page';
export { ClassesPage } from './classes-page';
export { EvaluationsPage } from './evaluations-page';
export { HostOfferFormPage } from './host-offer-form-page';
export { HostOffersPage } from './host-offers-page';
export { PublicEvaluationPage } from './public-evaluation-page';
export { schoolsHubPermissions, SchoolsHomePage } from './schools-nav';
export { TutorsPage } from './tutors-page';
