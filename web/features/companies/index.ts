/** Company search, the company page and the duplicates page. Routes are composed in web/app. */
export { CompanyPage } from './company-page';
export { CompanySearchPage } from './company-search-page';
export { DuplicatesPage } from './duplicates-page';
