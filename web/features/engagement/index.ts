/**
 * Company engagement in the web app: the company page's engagement panels, "Mine opgaver" and the
 * consultant's worklist. Routes and the company page slot are composed in web/app.
 */
export { BulkAssignPage } from './bulk-assign-page';
export { CompanyEngagementPanels } from './company-engagement';
export { CoverageCompaniesPage } from './coverage-companies-page';
export { CoveragePage } from './coverage-page';
export { ImportPage } from './import-page';
export { MyTasksPage } from './tasks-page';
export { TiersPage } from './tiers-page';
export { WorklistPage } from './worklist-page';
