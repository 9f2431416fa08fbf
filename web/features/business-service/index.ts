/**
 * The business service in the web app: the offer catalogue (/ydelser), needs assessments with the offers
 * recommended for them (/behovsafdaekninger), the company page's assessment panel, and referrals.
 * Routes and the company page slot are composed in web/app.
 */
export { EditAssessmentPage, NewAssessmentPage } from './assessment-form-page';
export { AssessmentPage } from './assessment-page';
export { CompanyAssessmentPanel } from './company-assessment-panel';
export { OfferCataloguePage } from './offer-catalogue-page';
export { OfferDetailPage } from './offer-detail-page';
export { OfferFormPage } from './offer-form-page';
export { ProviderReferralsPage } from './provider-referrals-page';
export { ReferralDialog, type ReferralDialogProps } from './referral-dialog';
export { ReferralKpisPage } from './referral-kpis-page';
export { ReferralsPage } from './referrals-page';
