/**
 * Company engagement in the web app: the company page's engagement panels, "Mine opgaver" and the
 * consultant's worklist. Routes and the company page slot are composed in web/app.
 */
export { CompanyEngagementPanels } from './company-engagement';
export { MyTasksPage } from './tasks-page';
export { WorklistPage } from './worklist-page';
